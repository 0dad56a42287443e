import { describe, expect, it } from 'vitest';
import type { FieldError } from '../../src/shared/error-body';
import { validateResponse, type ResponseValidation } from '../../src/proxy/validate-response';
import { demoCatalog, validCsatPayload, validPayload } from './fixtures';

const catalog = demoCatalog();
const validate = (body: unknown) => validateResponse(body, (org, code) => catalog.get(org, code));

function errorsOf(result: ResponseValidation): Omit<FieldError, 'resource'>[] {
  if (result.ok) throw new Error('expected validation to fail');
  expect(result.status).toBe(422);
  expect(result.body.message).toBe('Validation error');
  return (result.body.errors ?? []).map(({ resource, ...rest }) => {
    expect(resource).toBe('/v1/responses');
    return rest;
  });
}

function valueOf(result: ResponseValidation) {
  if (!result.ok) throw new Error(`expected a valid response, got ${JSON.stringify(result.body)}`);
  return result.value;
}

describe('validateResponse() on a valid body', () => {
  it('returns the response to store, with question text and type on each answer', () => {
    expect(valueOf(validate(validPayload()))).toEqual({
      id: '3f8a1c2e-5b7d-4e9f-8a6b-1c2d3e4f5a6b',
      org: 'acme',
      survey: 'post-purchase',
      survey_id: 1484,
      answers: [
        { question_id: 1, question: 'How likely are you to recommend Acme to a friend or colleague?', type: 'Rating', answer: 9 },
        { question_id: 2, question: 'What is the main reason for your score?', type: 'Text', answer: 'Quick delivery' },
      ],
      customer: { name: 'Mariner', email: 'mariner@example.com' },
      segments: { staff_code: 'luke' },
      metadata: { reference: 'INV-2090' },
      reference: 'INV-2090',
      machine_id: null,
      locale: 'en',
      page_url: 'https://shop.example/orders/2090',
      submitted_at: '2025-06-01T11:59:30.000Z',
      verified: false,
    });
  });

  it('stores answers in question order and leaves blank ones out', () => {
    const answers = [{ question_id: 2, answer: '   ' }, { question_id: 3, answer: 'leeds' }, { question_id: 1, answer: 0 }];
    expect(valueOf(validate(validPayload({ answers }))).answers.map((a) => a.question_id)).toEqual([1, 3]);
  });

  it('accepts a body without the optional groups, locale and page URL', () => {
    const { customer: _c, segments: _s, metadata: _m, locale: _l, page_url: _p, ...bare } = validPayload();
    expect(valueOf(validate(bare))).toMatchObject({ customer: {}, segments: {}, metadata: {}, locale: null, page_url: null });
  });

  it('lifts reference and machine_id out of metadata and keeps them there too', () => {
    const value = valueOf(validate(validPayload({ metadata: { reference: 'INV-1', machine_id: '345-457', cart: '3' } })));
    expect(value).toMatchObject({ reference: 'INV-1', machine_id: '345-457', metadata: { reference: 'INV-1', machine_id: '345-457', cart: '3' } });
  });
});

describe('validateResponse() re-sorts params instead of trusting the browser', () => {
  it('moves email to customer and staff_code to segments whatever group they came in', () => {
    const value = valueOf(validate(validPayload({ customer: { staff_code: 'luke' }, segments: {}, metadata: { email: 'a@b.co' } })));
    expect(value).toMatchObject({ customer: { email: 'a@b.co' }, segments: { staff_code: 'luke' }, metadata: {} });
  });

  it("sorts the survey's custom segments into segments", () => {
    expect(valueOf(validate(validPayload({ metadata: { account_type: 'trade' } }))).segments).toEqual({ staff_code: 'luke', account_type: 'trade' });
  });

  it('lets the visitor’s answer to a segment question win over the param', () => {
    const body = validPayload({ segments: { site_code: 'newcastle' }, answers: [{ question_id: 1, answer: 7 }, { question_id: 3, answer: 'online' }] });
    expect(valueOf(validate(body)).segments).toEqual({ site_code: 'online' });
  });

  it('refuses a key given in two groups, naming the second', () => {
    expect(errorsOf(validate(validPayload({ customer: { email: 'a@b.co' }, metadata: { email: 'c@d.co' } })))).toEqual([
      { field: 'metadata.email', error: 'invalid_value', extra_info: { message: '"email" is also given in customer' } },
    ]);
  });

  it('refuses keys and values over the CustomerSure limits', () => {
    const longKey = 'k'.repeat(31);
    expect(errorsOf(validate(validPayload({ metadata: { [longKey]: 'v', cart: 'x'.repeat(101) } })))).toEqual([
      { field: `metadata.${longKey}`, error: 'wrong_length', extra_info: { maximum: 30 } },
      { field: 'metadata.cart', error: 'wrong_length', extra_info: { maximum: 100 } },
    ]);
  });

  it('refuses empty values and reserved keys', () => {
    expect(errorsOf(validate(validPayload({ segments: { staff_code: '' }, metadata: { constructor: 'x' } })))).toEqual([
      { field: 'segments.staff_code', error: 'invalid_value', extra_info: { message: 'empty or null value' } },
      { field: 'metadata.constructor', error: 'forbidden_value', extra_info: { disallowed_values: ['__proto__', 'constructor', 'prototype'] } },
    ]);
  });

  it('refuses a raw "__proto__" key in any group without touching a prototype', () => {
    const body: unknown = JSON.parse(
      JSON.stringify(validPayload()).replace('"customer":{', '"customer":{"__proto__":{"polluted":"yes"},').replace('"metadata":{', '"metadata":{"__proto__":"x",'),
    );
    expect(errorsOf(validate(body))).toEqual([
      { field: 'metadata.__proto__', error: 'invalid_value', extra_info: { message: '"__proto__" is also given in customer' } },
      { field: 'customer.__proto__', error: 'forbidden_value', extra_info: { disallowed_values: ['__proto__', 'constructor', 'prototype'] } },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('validateResponse() checks the envelope', () => {
  it('calls each missing field required', () => {
    expect(errorsOf(validate({})).map((e) => [e.field, e.error])).toEqual([
      ['id', 'required'], ['org', 'required'], ['survey', 'required'], ['answers', 'required'], ['submitted_at', 'required'],
    ]);
  });

  it('refuses a body that is not an object', () => {
    expect(errorsOf(validate([1, 2]))).toEqual([{ field: 'body', error: 'invalid_value', extra_info: { message: expect.stringContaining('expected object') } }]);
  });

  it('reports formats with the pattern they must match', () => {
    const errors = errorsOf(validate(validPayload({ id: 'not-a-uuid', org: 'ac me', page_url: 'nope', submitted_at: 'yesterday' })));
    expect(errors).toEqual([
      { field: 'id', error: 'invalid_format', extra_info: { valid_format: expect.stringContaining('[0-9a-fA-F]{8}') } },
      { field: 'org', error: 'invalid_format', extra_info: { valid_format: '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$' } },
      { field: 'page_url', error: 'invalid_format', extra_info: { message: 'must be an http or https URL' } },
      { field: 'submitted_at', error: 'invalid_date', extra_info: { valid_format: expect.stringContaining('T(?:') } },
    ]);
  });

  it('reports lengths as wrong_length with the limit', () => {
    const answers = Array.from({ length: 101 }, () => ({ question_id: 1, answer: 5 }));
    expect(errorsOf(validate(validPayload({ locale: 'x'.repeat(36), answers })))).toEqual([
      { field: 'answers', error: 'wrong_length', extra_info: { maximum: 100 } },
      { field: 'locale', error: 'wrong_length', extra_info: { maximum: 35 } },
    ]);
  });

  it('reports wrong types as invalid_value, with the path to the bad value', () => {
    const errors = errorsOf(validate(validPayload({ answers: [{ question_id: 0, answer: { x: 1 } }], customer: { name: 7 } })));
    expect(errors).toEqual([
      { field: 'answers.0.question_id', error: 'invalid_value', extra_info: { message: 'Too small: expected number to be >0' } },
      { field: 'answers.0.answer', error: 'invalid_value', extra_info: { message: 'Invalid input' } },
      { field: 'customer.name', error: 'invalid_value', extra_info: { message: expect.stringContaining('expected string') } },
    ]);
  });

  it('refuses an unknown org or survey', () => {
    expect(errorsOf(validate(validPayload({ survey: 'nope' })))).toEqual([
      { field: 'survey', error: 'invalid_value', extra_info: { message: 'no survey "nope" for org "acme"' } },
    ]);
  });
});

describe('validateResponse() checks answers against the survey', () => {
  const withAnswers = (...answers: { question_id: number; answer: unknown }[]) => validate(validCsatPayload({ answers }));
  const required = [{ question_id: 11, answer: 4 }, { question_id: 13, answer: 'Email' }];

  it('refuses an unknown question, listing the known ones', () => {
    expect(errorsOf(withAnswers(...required, { question_id: 99, answer: 'x' }))).toEqual([
      { field: 'answers[99]', error: 'invalid_value', extra_info: { allowed_values: [11, 12, 13, 14, 15, 16] } },
    ]);
  });

  it('refuses a question answered twice', () => {
    expect(errorsOf(withAnswers(...required, { question_id: 11, answer: 5 }))).toEqual([
      { field: 'answers[11]', error: 'invalid_value', extra_info: { message: 'this question is answered more than once' } },
    ]);
  });

  it.each([0, 6, 4.5, '4'])('refuses rating %j outside the csat scale with its range', (answer) => {
    expect(errorsOf(withAnswers({ question_id: 11, answer }, required[1]!))).toEqual([
      { field: 'answers[11]', error: 'invalid_value', extra_info: { greater_than: 1, less_than: 5, must_be: 'integer' } },
    ]);
  });

  it('uses the custom scale range of a rating question', () => {
    expect(errorsOf(withAnswers(...required, { question_id: 12, answer: 8 }))).toEqual([
      { field: 'answers[12]', error: 'invalid_value', extra_info: { greater_than: 1, less_than: 7, must_be: 'integer' } },
    ]);
    expect(valueOf(withAnswers(...required, { question_id: 12, answer: 7 })).answers).toHaveLength(3);
  });

  it('refuses text over the question’s max_length, and text that is not a string', () => {
    expect(errorsOf(withAnswers(...required, { question_id: 16, answer: 'x'.repeat(2001) }))).toEqual([
      { field: 'answers[16]', error: 'wrong_length', extra_info: { maximum: 2000 } },
    ]);
    expect(errorsOf(withAnswers(...required, { question_id: 16, answer: 42 }))).toEqual([
      { field: 'answers[16]', error: 'invalid_value', extra_info: { message: 'the answer must be text' } },
    ]);
  });

  it('refuses a radio or dropdown answer that is not one of the options', () => {
    expect(errorsOf(withAnswers(required[0]!, { question_id: 13, answer: 'Fax' }, { question_id: 14, answer: ['Starter'] }))).toEqual([
      { field: 'answers[13]', error: 'invalid_value', extra_info: { allowed_values: ['Live chat', 'Email', 'Phone'] } },
      { field: 'answers[14]', error: 'invalid_value', extra_info: { allowed_values: ['Starter', 'Growth', 'Enterprise'] } },
    ]);
  });

  it('refuses checkbox answers with unknown or repeated options', () => {
    const allowed = ['Response time', 'Friendliness', 'Knowledge', 'Follow-up'];
    for (const answer of [['Speed'], ['Knowledge', 'Knowledge'], 'Knowledge']) {
      expect(errorsOf(withAnswers(...required, { question_id: 15, answer }))).toEqual([
        { field: 'answers[15]', error: 'invalid_value', extra_info: { allowed_values: allowed, message: 'pick each option at most once' } },
      ]);
    }
    expect(valueOf(withAnswers(...required, { question_id: 15, answer: ['Knowledge', 'Follow-up'] })).answers[2]).toMatchObject({
      type: 'Checkbox',
      answer: ['Knowledge', 'Follow-up'],
    });
  });

  it('calls an unanswered or blank required question required', () => {
    expect(errorsOf(withAnswers({ question_id: 13, answer: ' ' }, { question_id: 15, answer: [] }))).toEqual([
      { field: 'answers[11]', error: 'required', extra_info: {} },
      { field: 'answers[13]', error: 'required', extra_info: {} },
    ]);
  });
});

describe('validateResponse() checks customer fields', () => {
  it('calls a required customer field required', () => {
    expect(errorsOf(validate(validCsatPayload({ customer: { name: 'Mariner' } })))).toEqual([
      { field: 'customer.email', error: 'required', extra_info: {} },
    ]);
  });

  it('refuses an email that does not look like one, wherever it was sent', () => {
    expect(errorsOf(validate(validPayload({ customer: {}, metadata: { email: 'mariner at example' } })))).toEqual([
      { field: 'customer.email', error: 'invalid_format', extra_info: { valid_format: '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$' } },
    ]);
  });

  it('reports a too-long required email once, not also as missing', () => {
    const email = `${'m'.repeat(95)}@example.com`;
    expect(errorsOf(validate(validCsatPayload({ customer: { email } })))).toEqual([
      { field: 'customer.email', error: 'wrong_length', extra_info: { maximum: 100 } },
    ]);
  });

  it('collects every problem at once', () => {
    const body = validCsatPayload({ answers: [{ question_id: 11, answer: 9 }], customer: {}, metadata: { ['k'.repeat(31)]: 'v' } });
    expect(errorsOf(validate(body)).map((e) => e.field)).toEqual(['answers[11]', 'answers[13]', `metadata.${'k'.repeat(31)}`, 'customer.email']);
  });
});
