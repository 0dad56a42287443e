/**
 * The proxy's abuse limits as a visitor, an integration or an attacker meets
 * them: 100 requests at once against a limit of 7 get exactly 7 through, the
 * rest a 429 saying which limit and when to retry, and the next window lets
 * them in again.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { RATE_LIMITS_OFF, type RateLimitConfig } from '../../../src/proxy/config';
import { hashToken } from '../../../src/proxy/store/token-store';
import { testApp, validPayload } from '../fixtures';

const START = new Date('2025-06-01T12:00:00.000Z');
const TOKEN = 'acme-token-0001';
const LIMIT = 7;
const V1 = { Accept: 'application/vnd.customersure.v1+json', 'User-Agent': 'Acme Ltd' };

/** The env `@hono/node-server` hands the app: the socket the request came on. */
const from = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });

async function limitedApp(limits: Partial<RateLimitConfig>) {
  const clock = { now: START };
  const { app, store } = await testApp({
    now: () => clock.now,
    rateLimits: { ...RATE_LIMITS_OFF, ...limits },
    tokenLookup: async (token) => (token === TOKEN ? 'acme' : undefined),
    tokenHashLookup: async (hash) => (hash === hashToken(TOKEN) ? 'acme' : undefined),
  });
  type App = typeof app;
  const post = (address: string, headers: Record<string, string> = {}) =>
    app.request(
      '/v1/responses',
      { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(validPayload({ id: randomUUID(), submitted_at: clock.now.toISOString() })) },
      from(address),
    );
  const api = (address: string, token = TOKEN) => app.request('/api/sites', { headers: { ...V1, Authorization: `Token token="${token}"` } }, from(address));
  const signIn = (address: string) =>
    app.request('/dashboard/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token: TOKEN }) }, from(address));
  return { app: app as App, store, clock, post, api, signIn };
}

type Limited = Awaited<ReturnType<typeof limitedApp>>;

const cases: [string, Partial<RateLimitConfig>, (h: Limited, i: number) => Response | Promise<Response>, number][] = [
  ['responses-ip', { responsesPerIp: LIMIT }, (h) => h.post('203.0.113.9'), 201],
  ['responses-org', { responsesPerOrg: LIMIT }, (h, i) => h.post(`198.51.100.${i}`), 201],
  ['api-ip', { apiPerIp: LIMIT }, (h) => h.api('203.0.113.9'), 200],
  ['api-org', { apiPerOrg: LIMIT }, (h, i) => h.api(`198.51.100.${i}`), 200],
  ['sign-in-ip', { signInPerIp: LIMIT }, (h) => h.signIn('203.0.113.9'), 204],
];

describe('abuse limits', () => {
  it.each(cases)('let exactly 7 of 100 concurrent requests through %s, refuse the rest with 429, and admit again in the next window', async (name, limits, send, ok) => {
    const h = await limitedApp(limits);
    const replies = await Promise.all(Array.from({ length: 100 }, (_, i) => send(h, i)));
    expect(replies.filter((r) => r.status === ok)).toHaveLength(LIMIT);
    const refused = replies.filter((r) => r.status === 429);
    expect(refused).toHaveLength(100 - LIMIT);
    for (const res of refused) {
      expect(res.headers.get('Retry-After')).toBe('60');
      expect(res.headers.get('RateLimit')).toBe(`"${name}";r=0;t=60`);
      expect(res.headers.get('RateLimit-Policy')).toContain(`"${name}";q=${LIMIT};w=60`);
    }
    expect((await refused[0]!.json()).message).toBe(
      `Too many requests: at most ${LIMIT} ${{ 'responses-ip': 'responses from one address', 'responses-org': 'responses for one org', 'api-ip': 'API requests from one address', 'api-org': 'API requests for one org', 'sign-in-ip': 'sign-ins from one address' }[name]} per 60 s (rate limit "${name}"); retry in 60 s`,
    );
    h.clock.now = new Date(START.getTime() + 60_000);
    expect((await send(h, 100)).status).toBe(ok);
  });

  it('store only the responses they let through', async () => {
    const h = await limitedApp({ responsesPerOrg: LIMIT });
    await Promise.all(Array.from({ length: 100 }, (_, i) => h.post(`198.51.100.${i}`)));
    expect(await h.store.responses.count()).toBe(LIMIT);
  });

  it('count one address without slowing another', async () => {
    const h = await limitedApp({ responsesPerIp: 1 });
    expect((await h.post('203.0.113.9')).status).toBe(201);
    expect((await h.post('203.0.113.9')).status).toBe(429);
    expect((await h.post('203.0.113.10')).status).toBe(201);
  });

  it('count API requests before the token is checked, so guessing tokens is slowed too', async () => {
    const h = await limitedApp({ apiPerIp: 3 });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await h.api('203.0.113.9', `guess-${i}-xxxxxxxx`)).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });

  it('advertise both response limits on every reply, naming the one closest to exhaustion', async () => {
    const h = await limitedApp({ responsesPerIp: 7, responsesPerOrg: 3 });
    const res = await h.post('203.0.113.9');
    expect(res.status).toBe(201);
    expect(res.headers.get('RateLimit-Policy')).toBe('"responses-ip";q=7;w=60, "responses-org";q=3;w=60');
    expect(res.headers.get('RateLimit')).toBe('"responses-org";r=2;t=60');
  });

  it('put the headers on a refused body too, counted before it was read', async () => {
    const h = await limitedApp({ responsesPerIp: 7, responsesPerOrg: 3 });
    const res = await h.app.request('/v1/responses', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{not json' }, from('203.0.113.9'));
    expect(res.status).toBe(400);
    expect(res.headers.get('RateLimit')).toBe('"responses-ip";r=6;t=60');
    expect(res.headers.get('RateLimit-Policy')).toBe('"responses-ip";q=7;w=60, "responses-org";q=3;w=60');
  });

  it('let responses through, logged once, when the shared counter’s database cannot be reached: never a 500', async () => {
    const down = Object.assign(new Error('connect ECONNREFUSED 10.0.0.9:5432'), { code: 'ECONNREFUSED' });
    const { app, logged } = await testApp({ now: () => START, rateLimits: { ...RATE_LIMITS_OFF, responsesPerIp: 1, responsesPerOrg: 1 }, rateCounter: { hit: () => Promise.reject(down) } });
    const post = () =>
      app.request('/v1/responses', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(validPayload({ id: randomUUID(), submitted_at: START.toISOString() })) }, from('203.0.113.9'));
    expect([(await post()).status, (await post()).status]).toEqual([201, 201]);
    expect(logged).toEqual(['[survey-proxy] rate limits could not be counted, so requests are let through uncounted: connect ECONNREFUSED 10.0.0.9:5432']);
  });

  it('leave every route unlimited and unannounced with RATE_LIMITS=off', async () => {
    const h = await limitedApp({});
    const replies = await Promise.all(Array.from({ length: 100 }, () => h.post('203.0.113.9')));
    expect(replies.every((r) => r.status === 201)).toBe(true);
    expect(replies[0]!.headers.get('RateLimit-Policy')).toBeNull();
  });
});
