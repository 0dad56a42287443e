import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isAllowed } from '../../src/proxy/cors';
import { postResponse, testApp, validPayload } from './fixtures';

const SURVEY = '/v1/surveys/acme/post-purchase';

describe('CORS', () => {
  it('lets a listed origin read API answers, varying caches by Origin', async () => {
    const res = await (await testApp()).app.request(SURVEY, { headers: { Origin: 'https://shop.example' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('https://shop.example');
    expect(res.headers.get('Vary')).toBe('Origin');
  });

  it('lets a listed origin read validation errors too, so the widget can show them', async () => {
    const res = await postResponse((await testApp()).app, validPayload({ survey: 'nope' }), { Origin: 'https://shop.example' });
    expect(res.status).toBe(422);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('https://shop.example');
  });

  it('gives an unlisted origin no Allow-Origin header, so its browser blocks the read', async () => {
    const res = await (await testApp()).app.request(SURVEY, { headers: { Origin: 'https://evil.example' } });
    expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull();
    expect(res.headers.get('Vary')).toBe('Origin');
  });

  it('needs no header for same-origin requests', async () => {
    const res = await (await testApp()).app.request(`http://localhost${SURVEY}`, { headers: { Origin: 'http://localhost' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });

  it('answers a listed origin’s preflight 204 allowing GET, POST and Content-Type', async () => {
    const res = await (await testApp()).app.request('/v1/responses', {
      method: 'OPTIONS',
      headers: { Origin: 'https://shop.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('https://shop.example');
    expect(res.headers.get('Access-Control-Allow-Methods')).toBe('GET, POST, OPTIONS');
    expect(res.headers.get('Access-Control-Allow-Headers')).toBe('Content-Type');
    expect(res.headers.get('Vary')).toBe('Origin');
  });

  it('refuses an unlisted origin’s preflight with a 403 that names the setting, and no CORS header', async () => {
    const res = await (await testApp()).app.request('/v1/responses', {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ message: 'Origin https://evil.example may not call /v1/responses from another site: add it to ALLOWED_ORIGINS' });
    expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull();
    expect(res.headers.get('Access-Control-Allow-Methods')).toBeNull();
  });

  it('lets a listed page read Retry-After and the RateLimit headers, so its widget can wait as told', async () => {
    const res = await (await testApp()).app.request(SURVEY, { headers: { Origin: 'https://shop.example' } });
    expect(res.headers.get('Access-Control-Expose-Headers')).toBe('Retry-After, RateLimit, RateLimit-Policy');
  });

  it('allows every cross origin when configured with *', async () => {
    const res = await (await testApp({ allowedOrigins: '*' })).app.request(SURVEY, { headers: { Origin: 'https://any.example' } });
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('https://any.example');
  });

  it('allows no cross origin by default', () => {
    expect(isAllowed('https://shop.example', [], 'http://localhost:8787')).toBe(false);
  });
});

describe('who may post responses', () => {
  const fresh = (overrides: Record<string, unknown> = {}) => validPayload({ id: randomUUID(), ...overrides });

  it('refuses 500 concurrent posts from a foreign page with 403, storing none', async () => {
    const { app, store } = await testApp();
    const replies = await Promise.all(Array.from({ length: 500 }, () => postResponse(app, fresh(), { Origin: 'https://evil.example' })));
    expect(replies.map((r) => r.status)).toEqual(replies.map(() => 403));
    expect(await replies[0]!.json()).toEqual({ message: 'Origin https://evil.example may not post responses: add it to ALLOWED_ORIGINS' });
    expect(await store.responses.count()).toBe(0);
  });

  it('refuses a foreign page with ALLOWED_ORIGINS unset too', async () => {
    const res = await postResponse((await testApp({ allowedOrigins: [] })).app, fresh(), { Origin: 'https://evil.example' });
    expect(res.status).toBe(403);
  });

  it('stores a listed page’s post', async () => {
    expect((await postResponse((await testApp()).app, fresh(), { Origin: 'https://shop.example' })).status).toBe(201);
  });

  it('stores a post from the proxy’s own pages, whatever scheme a TLS front gave them', async () => {
    const { app } = await testApp();
    const post = (origin: string) =>
      app.request('http://feedback.shop.example/v1/responses', { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: origin }, body: JSON.stringify(fresh()) });
    expect((await post('http://feedback.shop.example')).status).toBe(201);
    expect((await post('https://feedback.shop.example')).status).toBe(201);
  });

  it('stores a post from PUBLIC_URL’s origin when the proxy is reached under another name', async () => {
    const { app } = await testApp({ publicUrl: 'https://feedback.shop.example' });
    const res = await app.request('http://10.0.0.7:8787/v1/responses', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'https://feedback.shop.example' },
      body: JSON.stringify(fresh()),
    });
    expect(res.status).toBe(201);
  });

  it('stores a post with no Origin at all (a server or curl: no page, so no origin question)', async () => {
    expect((await postResponse((await testApp()).app, fresh())).status).toBe(201);
  });

  it('stores any page’s post when ALLOWED_ORIGINS is *', async () => {
    expect((await postResponse((await testApp({ allowedOrigins: '*' })).app, fresh(), { Origin: 'https://any.example' })).status).toBe(201);
  });
});
