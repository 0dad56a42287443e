import { describe, expect, it } from 'vitest';
import { validateResponse } from '../../src/proxy/validate-response';
import { answerField } from '../../src/shared/error-body';
import { demoCatalog, postResponse, testApp, validPayload } from './fixtures';

const catalog = demoCatalog();
const validate = (body: unknown) => validateResponse(body, (org, code) => catalog.get(org, code));
const NUL = expect.stringMatching(/^must not contain U\+0000 NULL \(at character \d+\)$/);

// PostgreSQL's text columns cannot hold U+0000; a response SQLite would take must not become a 500 there.
describe('validateResponse() and the NUL character', () => {
  it('names every field holding one: an answer, a param key or value, the locale', () => {
    const result = validate(
      validPayload({
        answers: [{ question_id: 1, answer: 9 }, { question_id: 2, answer: 'Quick\u0000delivery' }],
        customer: { name: 'Mari\u0000ner' },
        metadata: { 'ref\u0000': 'x' },
        locale: 'en\u0000',
      }),
    );
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : (result.body.errors ?? []);
    expect(errors.map((e) => [e.field, e.error, e.extra_info.message])).toEqual([
      [answerField(2), 'invalid_value', NUL],
      ['customer.name', 'invalid_value', NUL],
      ['metadata.ref\u0000', 'invalid_value', NUL],
      ['locale', 'invalid_value', NUL],
    ]);
  });

  it('takes the escaped text a visitor may type, backslash and all', () => {
    expect(validate(validPayload({ answers: [{ question_id: 1, answer: 9 }, { question_id: 2, answer: 'typed \\u0000 literally' }] })).ok).toBe(true);
  });

  it('answers 422, which the widget does not retry, and stores nothing', async () => {
    const { app, store } = await testApp();
    const res = await postResponse(app, validPayload({ customer: { name: '\u0000' } }));
    expect(res.status).toBe(422);
    expect(await store.responses.count()).toBe(0);
  });
});
