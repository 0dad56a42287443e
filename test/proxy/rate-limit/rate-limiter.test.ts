import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../../src/proxy/rate-limit/rate-limiter';
import type { RatePolicy } from '../../../src/proxy/rate-limit/rate-policy';

const policy: RatePolicy = { name: 'sign-in-ip', quota: 1, windowSeconds: 60, what: 'sign-ins from one address' };

describe('the rate limiter', () => {
  it('lets requests through, uncounted, when its counter fails, and says so once a minute', async () => {
    const logged: string[] = [];
    let clock = new Date('2026-01-01T00:00:00.000Z');
    const limiter = createRateLimiter({ counter: { hit: () => Promise.reject(new Error('connect ECONNREFUSED 10.0.0.9:5432')) }, now: () => clock, log: (line) => logged.push(line) });
    const app = new Hono();
    app.post('/session', limiter.route([policy]).limit({ policy, subject: () => 'x' }), (c) => c.body(null, 204));
    const statuses = await Promise.all(Array.from({ length: 5 }, async () => (await app.request('/session', { method: 'POST' })).status));
    expect(statuses).toEqual([204, 204, 204, 204, 204]);
    expect(logged).toEqual(['[survey-proxy] rate limits could not be counted, so requests are let through uncounted: connect ECONNREFUSED 10.0.0.9:5432']);
    clock = new Date(clock.getTime() + 60_000);
    await app.request('/session', { method: 'POST' });
    expect(logged).toHaveLength(2);
  });

  it('neither counts nor advertises a policy whose quota is 0', async () => {
    let hits = 0;
    const limiter = createRateLimiter({ counter: { hit: async (keys) => keys.map(() => ++hits) }, now: () => new Date(), log: () => undefined });
    const off = { ...policy, quota: 0 };
    const app = new Hono();
    app.post('/session', limiter.route([off]).limit({ policy: off, subject: () => 'x' }), (c) => c.body(null, 204));
    const res = await app.request('/session', { method: 'POST' });
    expect(res.status).toBe(204);
    expect(res.headers.get('RateLimit-Policy')).toBeNull();
    expect(hits).toBe(0);
  });
});
