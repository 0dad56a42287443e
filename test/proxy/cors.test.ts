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

  it('refuses an unlisted origin’s preflight without any CORS header', async () => {
    const res = await (await testApp()).app.request('/v1/responses', {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
    });
    expect(res.status).toBe(405);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBeNull();
    expect(res.headers.get('Access-Control-Allow-Methods')).toBeNull();
  });

  it('allows every cross origin when configured with *', async () => {
    const res = await (await testApp({ allowedOrigins: '*' })).app.request(SURVEY, { headers: { Origin: 'https://any.example' } });
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('https://any.example');
  });

  it('allows no cross origin by default', () => {
    expect(isAllowed('https://shop.example', [], 'http://localhost:8787')).toBe(false);
  });
});
