import { describe, expect, it } from 'vitest';
import { validateResponse } from '../../src/proxy/validate-response';
import type { ErrorBody, FieldError } from '../../src/shared/error-body';
import { LOCALES } from '../../src/shared/param-keys';
import { demoCatalog, FIXED_NOW, postResponse, testApp, validCsatPayload, validPayload } from './fixtures';

const catalog = demoCatalog();
const errorsOf = (body: unknown): Pick<FieldError, 'field' | 'error' | 'extra_info'>[] => {
  const result = validateResponse(body, (org, code) => catalog.get(org, code));
  return result.ok ? [] : (result.body.errors ?? []).map(({ field, error, extra_info }) => ({ field, error, extra_info }));
};

/** Posts `body` and returns the status, the errors and how many responses are stored after it. */
async function post(body: Record<string, unknown>) {
  const { app, store } = await testApp();
  const res = await postResponse(app, body);
  const json = (await res.json()) as ErrorBody & Record<string, unknown>;
  return { status: res.status, json, stored: await store.responses.count() };
}

describe('POST /v1/responses and page_url', () => {
  it.each(['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd', 'ftp://files.example/a', 'vbscript:msgbox(1)', 'blob:https://shop.example/1'])(
    'refuses %s with a 422 naming page_url, and stores nothing',
    async (pageUrl) => {
      const { status, json, stored } = await post(validPayload({ page_url: pageUrl }));
      expect(status).toBe(422);
      expect(json.errors).toEqual([expect.objectContaining({ field: 'page_url', error: 'invalid_format', extra_info: { message: 'must be an http or https URL' } })]);
      expect(stored).toBe(0);
    },
  );

  it('stores an http or https page URL, in any case of scheme', async () => {
    for (const pageUrl of ['http://shop.example/a?b=1', 'HTTPS://shop.example/orders/2090']) expect(errorsOf(validPayload({ page_url: pageUrl }))).toEqual([]);
  });

  it('refuses a page URL over 2048 characters', () => {
    expect(errorsOf(validPayload({ page_url: `https://shop.example/${'a'.repeat(2048)}` }))).toEqual([{ field: 'page_url', error: 'wrong_length', extra_info: { maximum: 2048 } }]);
  });
});

// One of each kind the rule refuses, and where each kind of stored string of a response lives.
const UNSAFE: [string, string, string][] = [
  ['NUL', '\u0000', 'U+0000 NULL'],
  ['a C0 control (escape)', '\u001b', 'U+001B ESCAPE'],
  ['DEL', '\u007f', 'U+007F DELETE'],
  ['a C1 control', '\u009b', 'U+009B C1 CONTROL CHARACTER'],
  ['a bidi override', '\u202e', 'U+202E RIGHT-TO-LEFT OVERRIDE'],
  ['a bidi isolate', '\u2067', 'U+2067 RIGHT-TO-LEFT ISOLATE'],
  ['a lone surrogate', '\ud800', 'U+D800 LONE SURROGATE'],
  ['a non-character', '\uffff', 'U+FFFF NONCHARACTER'],
];
const PLACES: [string, (bad: string) => Record<string, unknown>, string][] = [
  ['a text answer', (bad) => ({ answers: [{ question_id: 1, answer: 9 }, { question_id: 2, answer: `Quick${bad}` }] }), 'answers[2]'],
  ['a customer field', (bad) => ({ customer: { name: `Mari${bad}` } }), 'customer.name'],
  ['a segment', (bad) => ({ segments: { staff_code: `luke${bad}` } }), 'segments.staff_code'],
  ['a metadata key', (bad) => ({ metadata: { [`order${bad}`]: '2090' } }), `metadata.order`],
  ['a metadata value', (bad) => ({ metadata: { order: `20${bad}90` } }), 'metadata.order'],
  ['the locale', (bad) => ({ locale: `en${bad}` }), 'locale'],
  ['the page URL', (bad) => ({ page_url: `https://shop.example/${bad}` }), 'page_url'],
];

describe('POST /v1/responses and characters no stored text may hold', () => {
  for (const [kind, bad, name] of UNSAFE) {
    it.each(PLACES)(`refuses ${kind} in %s, naming the field and the character`, (_place, body, field) => {
      const [error] = errorsOf(validPayload(body(bad)));
      // A metadata key's field carries the key as sent, character and all.
      expect(error?.field.replace(bad, '')).toBe(field);
      expect(error).toMatchObject({ error: 'invalid_value', extra_info: { message: expect.stringMatching(new RegExp(`^must not contain ${name.replace('+', '\\+')} \\(at character \\d+\\)$`)) } });
    });
  }

  it('refuses one in a checkbox choice: only the survey’s own options are ever stored', () => {
    const errors = errorsOf(validCsatPayload({ answers: [{ question_id: 11, answer: 4 }, { question_id: 13, answer: 'Live chat' }, { question_id: 15, answer: ['Knowledge\u202e'] }] }));
    expect(errors).toEqual([expect.objectContaining({ field: 'answers[15]', error: 'invalid_value', extra_info: expect.objectContaining({ allowed_values: ['Response time', 'Friendliness', 'Knowledge', 'Follow-up'] }) })]);
  });

  it('says where the character is, counting as a person does', () => {
    expect(errorsOf(validPayload({ customer: { name: 'Ma👍\u202Ener' } }))[0]?.extra_info.message).toBe('must not contain U+202E RIGHT-TO-LEFT OVERRIDE (at character 4)');
  });

  it('answers 422, which the widget does not retry, and stores nothing', async () => {
    const { status, stored } = await post(validPayload({ customer: { name: 'Mari\u202Ener' } }));
    expect(status).toBe(422);
    expect(stored).toBe(0);
  });

  it('stores the marks ordinary in right-to-left text (RLM, LRM, ALM), tabs and new lines', async () => {
    const { status, json } = await post(validPayload({ answers: [{ question_id: 1, answer: 9 }, { question_id: 2, answer: 'שלום\u200F\n\tمرحبا\u061C 👍' }] }));
    expect(status).toBe(201);
    expect((json.answers as { answer: unknown }[])[1]?.answer).toBe('שלום\u200F\n\tمرحبا\u061C 👍');
  });
});

describe('POST /v1/responses and the locale', () => {
  it.each([
    ['en-us', 'en-US'],
    ['EN', 'en'],
    ['zh-cn', 'zh-CN'],
    ['es-MX', 'es-MX'],
  ])('stores %s as the supported tag %s', async (given, stored) => {
    const { status, json } = await post(validPayload({ locale: given }));
    expect(status).toBe(201);
    expect(json.locale).toBe(stored);
  });

  it.each(['pt-BR', 'en_US', 'x'.repeat(35), 'klingon', ''])('refuses %j, listing the supported tags', async (locale) => {
    const { status, json, stored } = await post(validPayload({ locale }));
    expect(status).toBe(422);
    expect(json.errors).toEqual([expect.objectContaining({ field: 'locale', error: 'invalid_value', extra_info: expect.objectContaining({ allowed_values: [...LOCALES] }) })]);
    expect(stored).toBe(0);
  });
});

describe('POST /v1/responses and how many params a group holds', () => {
  const params = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`key_${i}`, `value ${i}`]));

  it.each(['customer', 'segments', 'metadata'])('refuses 51 keys in %s, naming the group and the count', async (group) => {
    const { status, json, stored } = await post(validPayload({ customer: {}, segments: {}, metadata: {}, [group]: params(51) }));
    expect(status).toBe(422);
    expect(json.errors).toEqual([expect.objectContaining({ field: group, extra_info: { message: 'at most 50 keys; this has 51' } })]);
    expect(stored).toBe(0);
  });

  it('stores 50 metadata keys', async () => {
    const { status, json } = await post(validPayload({ metadata: params(50) }));
    expect(status).toBe(201);
    expect(Object.keys(json.metadata as object)).toHaveLength(50);
  });

  it('answers 3,000 keys with one error about the count, not 3,000', async () => {
    // Short keys, so the body stays under the 64 KiB limit and is read.
    const { json } = await post(validPayload({ metadata: Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`k${i}`, 'v'])) }));
    expect(json.errors).toEqual([expect.objectContaining({ field: 'metadata', extra_info: { message: 'at most 50 keys; this has 3000' } })]);
  });
});

describe('POST /v1/responses and the id’s case', () => {
  const UPPER = '3F8A1C2E-5B7D-4E9F-8A6B-1C2D3E4F5A6B';

  it('stores an upper-case id lower-cased, so its lower-case retry is the same response', async () => {
    const { app, store } = await testApp();
    const first = await postResponse(app, validPayload({ id: UPPER }));
    expect(first.status).toBe(201);
    expect((await first.json()).id).toBe(UPPER.toLowerCase());
    const retry = await postResponse(app, validPayload({ id: UPPER.toLowerCase() }));
    expect(retry.status).toBe(200);
    expect(await store.responses.count()).toBe(1);
  });

  it('answers 409 to a different response under the same id in another case', async () => {
    const { app, store } = await testApp();
    await postResponse(app, validPayload({ id: UPPER.toLowerCase() }));
    const other = await postResponse(app, validPayload({ id: UPPER, answers: [{ question_id: 1, answer: 3 }] }));
    expect(other.status).toBe(409);
    expect(await store.responses.count()).toBe(1);
  });
});

describe('POST /v1/responses and submitted_at against the proxy’s clock', () => {
  const at = (offsetMs: number) => new Date(FIXED_NOW.getTime() + offsetMs).toISOString();
  const DAY = 86_400_000;

  it.each([
    ['a day ahead (a fast device clock)', at(DAY)],
    ['366 days back (a response the outbox kept until a visitor came back)', at(-366 * DAY)],
    ['with an offset', '2025-06-01T13:00:00+02:00'],
  ])('stores one submitted %s', async (_when, submittedAt) => {
    expect((await post(validPayload({ submitted_at: submittedAt }))).status).toBe(201);
  });

  it.each([
    ['more than a day ahead', at(DAY + 1000), 'must not be more than 24 hours ahead of the proxy’s clock'],
    ['in the year 9999', '9999-12-31T23:59:59Z', 'must not be more than 24 hours ahead of the proxy’s clock'],
    ['more than 366 days back', at(-366 * DAY - 1000), 'must not be more than 366 days before the proxy’s clock'],
    ['in the year 0000', '0000-01-01T00:00:00Z', 'must not be more than 366 days before the proxy’s clock'],
  ])('refuses one submitted %s, and stores nothing', async (_when, submittedAt, message) => {
    const { status, json, stored } = await post(validPayload({ submitted_at: submittedAt }));
    expect(status).toBe(422);
    expect(json.errors).toEqual([expect.objectContaining({ field: 'submitted_at', error: 'invalid_date', extra_info: expect.objectContaining({ message }) })]);
    expect(stored).toBe(0);
  });
});
