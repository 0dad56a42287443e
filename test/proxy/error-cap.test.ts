import { describe, expect, it } from 'vitest';
import { MAX_ECHOED_CHARS, MAX_LISTED_ERRORS, MAX_MESSAGE_CHARS, validationBody, fieldError } from '../../src/proxy/validation-error';
import type { ErrorBody } from '../../src/shared/error-body';
import { apiHarness } from './api/api-fixtures';
import { postResponse, testApp, validPayload } from './fixtures';

/** The body of a reply with its size in bytes, as a client receives it. */
async function read(res: Response): Promise<{ status: number; bytes: number; json: ErrorBody }> {
  const text = await res.text();
  return { status: res.status, bytes: Buffer.byteLength(text), json: JSON.parse(text) as ErrorBody };
}

describe('a 422 with many problems', () => {
  it('lists the first 50 of 3,000 bad metadata values, says how many there were, and stays a few KB for a 53 KB request', async () => {
    const { app } = await testApp();
    const metadata = Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`key_${String(i).padStart(4, '0')}`, 1234567]));
    const body = JSON.stringify(validPayload({ metadata }));
    expect(body.length).toBeGreaterThan(53_000);
    const { status, bytes, json } = await read(await postResponse(app, body));
    expect(status).toBe(422);
    expect(json.errors).toHaveLength(MAX_LISTED_ERRORS);
    // 3,000 values that are not text, and the count of keys over the limit.
    expect(json.error_count).toBe(3001);
    expect(json.message).toBe('Validation error: only the first 50 of 3001 problems are listed');
    expect(json.errors?.[0]).toMatchObject({ field: 'metadata.key_0000', error: 'invalid_value' });
    expect(bytes).toBeLessThan(10_000);
  });

  it('stays as it was with 50 or fewer: every problem, no count', () => {
    const errors = Array.from({ length: 50 }, (_, i) => fieldError(`answers[${i + 1}]`, 'required'));
    expect(validationBody(errors)).toEqual({ message: 'Validation error', errors });
  });

  it('caps the v1 API’s 422s the same way', async () => {
    const api = await apiHarness();
    const data = Array.from({ length: 100 }, (_, i) => ({ key: `k${i}`, value: '' }));
    const { status, json } = await read(await api.send('POST', '/feedback_requests', { email: 'ann@example.com', send_at: api.clock.now.toISOString(), survey_id: 1484, email_template_id: 10, data }));
    expect(status).toBe(422);
    expect(json.errors).toHaveLength(MAX_LISTED_ERRORS);
    expect(json.error_count).toBe(100);
    expect(json.errors?.[0]).toMatchObject({ resource: '/feedback_requests', field: 'data.0.value' });
  });
});

describe('what an error echoes of the request', () => {
  const huge = 'x'.repeat(40_000);

  it('names a 40,000-character key by its first 100 characters', async () => {
    const { app } = await testApp();
    const { status, bytes, json } = await read(await postResponse(app, validPayload({ metadata: { [huge]: 'v' } })));
    expect(status).toBe(422);
    expect(json.errors).toEqual([expect.objectContaining({ field: `${`metadata.${huge}`.slice(0, MAX_ECHOED_CHARS)}…`, error: 'wrong_length' })]);
    expect(bytes).toBeLessThan(1_000);
  });

  it('cuts a message quoting the request to 200 characters', async () => {
    const { app } = await testApp();
    const key = `k${'y'.repeat(29)}`;
    const { json } = await read(await postResponse(app, validPayload({ customer: { [key]: 'a' }, metadata: { [key]: 'b' } })));
    const message = String(json.errors?.[0]?.extra_info.message);
    expect(message).toBe(`"${key}" is also given in customer`);
    const long = await read(await postResponse(app, validPayload({ customer: { [huge]: 'a' }, metadata: { [huge]: 'b' } })));
    const quoted = long.json.errors?.map((e) => String(e.extra_info.message ?? ''));
    expect(Math.max(...(quoted ?? [])!.map((m) => m.length))).toBeLessThanOrEqual(MAX_MESSAGE_CHARS + 1);
    expect(long.bytes).toBeLessThan(2_000);
  });

  it('never echoes a huge value, only its limit', async () => {
    const { app } = await testApp();
    const { bytes, json } = await read(await postResponse(app, validPayload({ metadata: { order: huge } })));
    expect(json.errors).toEqual([expect.objectContaining({ field: 'metadata.order', error: 'wrong_length', extra_info: { maximum: 100 } })]);
    expect(bytes).toBeLessThan(500);
  });

  it('names an unpermitted 5,000-character API parameter by its first 100 characters', async () => {
    const api = await apiHarness();
    const res = await api.send('POST', '/sites', { site_code: 'HQ', name: 'Head office', region: 'North', [huge.slice(0, 5_000)]: 1 });
    const { status, bytes, json } = await read(res);
    expect(status).toBe(403);
    expect(json.message).toContain(`Unpermitted parameters: ${'x'.repeat(MAX_ECHOED_CHARS)}…;`);
    expect(bytes).toBeLessThan(1_000);
  });
});
