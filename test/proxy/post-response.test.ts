import { describe, expect, it } from 'vitest';
import { junkBodies } from './junk-bodies';
import { FIXED_NOW, postResponse, testApp, validPayload } from './fixtures';

describe('POST /v1/responses', () => {
  it('stores a valid response and answers 201 with it as stored', async () => {
    const { app, store } = await testApp();
    const res = await postResponse(app, validPayload());
    expect(res.status).toBe(201);
    expect(res.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
    const body = await res.json();
    expect(body).toMatchObject({ id: validPayload().id, survey_id: 1484, reference: 'INV-2090', received_at: FIXED_NOW.toISOString() });
    expect(await store.responses.get(body.id)).toEqual(body);
  });

  it('accepts application/json with a UTF-8 charset', async () => {
    const res = await postResponse((await testApp()).app, validPayload(), { 'Content-Type': 'application/json; charset=UTF-8' });
    expect(res.status).toBe(201);
  });

  it('answers a retry of the same response 200 with the stored copy and keeps one row', async () => {
    const { app, store } = await testApp();
    const first = await (await postResponse(app, validPayload())).json();
    // The same response spelled differently: other key order, email sent as metadata.
    const { customer: _customer, metadata: _metadata, ...rest } = validPayload();
    const retry = await postResponse(app, { metadata: { email: 'mariner@example.com', reference: 'INV-2090' }, customer: { name: 'Mariner' }, ...rest });
    expect(retry.status).toBe(200);
    expect(await retry.json()).toEqual(first);
    expect(await store.responses.count()).toBe(1);
  });

  it('stores one row when twenty copies of one response arrive at once, answering 201 once and 200 with the same body to the rest', async () => {
    const { app, store } = await testApp();
    const replies = await Promise.all(Array.from({ length: 20 }, () => postResponse(app, validPayload())));
    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(19);
    const bodies = await Promise.all(replies.map((r) => r.json()));
    expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1);
    expect(await store.responses.count()).toBe(1);
  });

  it('answers 503 with Retry-After, not 500, when the database stays locked', async () => {
    const { store } = await testApp();
    const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    const { app } = await testApp({ store: { ...store, responses: { ...store.responses, insert: () => Promise.reject(busy) } } });
    const res = await postResponse(app, validPayload());
    expect(res.status).toBe(503);
    expect(res.headers.get('Retry-After')).toBe('1');
    expect(await res.json()).toEqual({ message: 'The store is busy; retry shortly' });
  });

  it('answers 409 when a different response reuses an id, and keeps the first', async () => {
    const { app, store } = await testApp();
    await postResponse(app, validPayload());
    const res = await postResponse(app, validPayload({ answers: [{ question_id: 1, answer: 2 }] }));
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({
      message: 'Conflict',
      errors: [{
        resource: '/v1/responses',
        field: 'id',
        error: 'custom',
        extra_info: { message: 'A different response was already stored with this id; generate a new id for a new response' },
      }],
    });
    expect((await store.responses.get(validPayload().id as string))?.answers[0]?.answer).toBe(9);
  });

  it('stores params where they belong, not where the browser put them', async () => {
    const body = validPayload({
      customer: { name: 'Mariner', staff_code: 'luke' },
      segments: { account_type: 'trade' },
      metadata: { email: 'mariner@example.com', site_code: 'leeds' },
      answers: [{ question_id: 1, answer: 10 }, { question_id: 3, answer: 'online' }],
    });
    const stored = await (await postResponse((await testApp()).app, body)).json();
    expect(stored).toMatchObject({
      customer: { name: 'Mariner', email: 'mariner@example.com' },
      segments: { staff_code: 'luke', account_type: 'trade', site_code: 'online' },
      metadata: {},
    });
  });

  it('answers 422 with every validation error in CustomerSure form', async () => {
    const res = await postResponse((await testApp()).app, validPayload({ answers: [{ question_id: 1, answer: 11 }], customer: { email: 'nope' } }));
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({
      message: 'Validation error',
      errors: [
        { resource: '/v1/responses', field: 'answers[1]', error: 'invalid_value', extra_info: { greater_than: 0, less_than: 10, must_be: 'integer' } },
        { resource: '/v1/responses', field: 'customer.email', error: 'invalid_format', extra_info: { valid_format: '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$' } },
      ],
    });
  });

  it('refuses "__proto__" keys in a raw body without polluting any prototype', async () => {
    const { app, store } = await testApp();
    const raw = JSON.stringify(validPayload())
      .replace('"customer":{', '"customer":{"__proto__":{"polluted":"yes"},')
      .replace('"segments":{', '"segments":{"__proto__":"x",');
    const res = await postResponse(app, `{"__proto__":{"polluted":"yes"},${raw.slice(1)}`);
    expect(res.status).toBe(422);
    const fields = (await res.json()).errors.map((e: { field: string; error: string }) => `${e.field} ${e.error}`);
    expect(fields).toContain('customer.__proto__ forbidden_value');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(await store.responses.count()).toBe(0);
  });

  it('answers 400 {"message":"Problems parsing JSON"} to malformed or empty JSON', async () => {
    for (const body of ['{"id": ', '', "{'single': 1}", 'undefined']) {
      const res = await postResponse((await testApp()).app, body);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ message: 'Problems parsing JSON' });
    }
  });

  it.each([undefined, 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', 'application/jsonp'])(
    'answers 415 to content type %s',
    async (type) => {
      const headers = new Headers(type === undefined ? {} : { 'Content-Type': type });
      const res = await (await testApp()).app.request('/v1/responses', { method: 'POST', headers, body: new Blob([JSON.stringify(validPayload())]) });
      expect(res.status).toBe(415);
      expect(await res.json()).toEqual({ message: 'Unsupported Media Type: send the response as application/json' });
    },
  );

  it('answers 413 to a body over the limit that declares its length', async () => {
    const body = JSON.stringify(validPayload({ metadata: { pad: 'x'.repeat(2000) } }));
    const request = new Request('http://localhost/v1/responses', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': String(body.length) },
      body,
    });
    expect(request.headers.get('Content-Length')).toBe(String(body.length));
    const res = await (await testApp({ maxBodyBytes: 1024 })).app.request(request);
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ message: 'Payload Too Large: at most 1024 bytes' });
  });

  it('answers 413 to a streamed body over the limit with no declared length', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(600));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(chunk);
        controller.enqueue(chunk);
        controller.close();
      },
    });
    const request = new Request('http://localhost/v1/responses', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(request.headers.has('Content-Length')).toBe(false);
    const res = await (await testApp({ maxBodyBytes: 1024 })).app.request(request);
    expect(res.status).toBe(413);
  });

  it('answers 405 to a GET', async () => {
    const res = await (await testApp()).app.request('/v1/responses');
    expect(res.status).toBe(405);
    expect(res.headers.get('Allow')).toBe('POST');
  });
});

describe('POST /v1/responses with hostile input', () => {
  it('never answers 5xx, whatever the body', async () => {
    const { app, store } = await testApp();
    const statuses = new Set<number>();
    for (const body of junkBodies(validPayload())) {
      const res = await postResponse(app, body);
      statuses.add(res.status);
      if (res.status >= 500) throw new Error(`${res.status} for body ${body.slice(0, 200)}`);
      expect(res.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
    }
    expect([...statuses].every((s) => s < 500)).toBe(true);
    expect(statuses).toContain(400);
    expect(statuses).toContain(422);
    expect(await store.responses.count()).toBeLessThan(5);
  });
});
