/**
 * The secrets tour, API tokens: the canary token drives the v1 API down every
 * path (success and each error the seed documents), is pasted into body fields,
 * is guessed one character off, and signs in to the dashboard; no reply, log
 * or console line repeats it, and the session cookie does not hold it.
 */
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../../src/proxy/config';
import { MAX_API_BODY_BYTES } from '../../../src/proxy/api/create-api';
import { SESSION_COOKIE } from '../../../src/proxy/dashboard/session-cookie';
import { hashToken } from '../../../src/proxy/store/token-store';
import { CANARY_SECRETS } from '../../support/canary-secrets';
import { testApp } from '../fixtures';
import { leakWatch, type LeakWatch } from './leak-watch';

const TOKEN = CANARY_SECRETS.apiToken;
const NEAR_MISS = CANARY_SECRETS.apiTokenNearMiss;
const V1 = 'application/vnd.customersure.v1+json';

/** The app knowing the canary as acme's token, for the API and for the dashboard's sign-in. */
async function tokenTour(watch: LeakWatch) {
  const { app } = await testApp({
    tokenLookup: async (token) => (token === TOKEN ? 'acme' : undefined),
    tokenHashLookup: async (hash) => (hash === hashToken(TOKEN) ? 'acme' : undefined),
    log: watch.log,
  });
  const headers = (extra: Record<string, string> = {}) => ({ Accept: V1, 'User-Agent': 'Acme Ltd', Authorization: `Token token="${TOKEN}"`, 'Content-Type': 'application/json', ...extra });
  return {
    app,
    /** A v1 request with the canary token; a string body is sent as it is. */
    api: (method: string, path: string, body?: unknown, extra?: Record<string, string>) =>
      watch.read(app.request(`/api${path}`, { method, headers: headers(extra), ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }) })),
    signIn: (token: string) =>
      watch.read(app.request('/dashboard/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token }) })),
  };
}

describe('the secrets tour: API tokens', () => {
  it('the API answers the canary token on every success and error path without repeating it', async () => {
    const watch = leakWatch();
    const { api } = await tokenTour(watch);
    const steps: [string, Promise<{ status: number }>, number][] = [
      ['lists sites', api('GET', '/sites'), 200],
      ['creates a site', api('POST', '/sites', { site_code: 'newcastle', name: 'Newcastle', region: 'North East' }), 201],
      ['lists feedback requests', api('GET', '/feedback_requests'), 200],
      ['lists feedback responses', api('GET', '/feedback_responses'), 200],
      ['lists surveys', api('GET', '/surveys'), 200],
      ['lists webhook endpoints', api('GET', '/webhook_endpoints'), 200],
      ['refuses a wrong Accept', api('GET', '/sites', undefined, { Accept: 'application/json' }), 406],
      ['refuses a missing User-Agent', api('GET', '/sites', undefined, { 'User-Agent': '' }), 403],
      ['refuses bad JSON holding the token', api('POST', '/sites', `{"site_code": "${TOKEN}",`), 400],
      ['answers an unknown feedback request', api('GET', '/feedback_requests/999999'), 404],
      ['answers an unknown site', api('GET', '/sites/424242'), 404],
      ['answers an unknown route named like the token', api('GET', `/${TOKEN}`), 404],
      ['refuses a too-large body made of the token', api('POST', '/sites', { name: TOKEN.repeat(Math.ceil(MAX_API_BODY_BYTES / TOKEN.length) + 1) }), 413],
    ];
    for (const [step, reply, status] of steps) expect({ step, status: (await reply).status }).toEqual({ step, status });
    expect(watch.leaks()).toEqual([]);
  });

  it('a 422 does not repeat the token pasted into the body’s fields', async () => {
    const watch = leakWatch();
    const { api } = await tokenTour(watch);
    const pasted = [
      api('POST', '/feedback_requests', {
        email: TOKEN,
        first_name: TOKEN,
        surname: TOKEN,
        reference: TOKEN,
        machine_id: TOKEN,
        survey_id: TOKEN,
        send_at: TOKEN,
        email_template_id: TOKEN,
        data: [{ key: TOKEN, value: TOKEN }],
        sms: { number: TOKEN },
        reminders: [{ send_at: TOKEN, email_template_id: TOKEN }],
      }),
      api('POST', '/sites', { site_code: `${TOKEN}${'x'.repeat(100)}`, name: TOKEN, region: TOKEN, city: 5 }),
      api('POST', '/staff', { code: TOKEN, first_name: TOKEN, email: TOKEN, deactivated_at: TOKEN }),
      api('POST', '/webhook_endpoints', { url: TOKEN, events: [TOKEN], description: TOKEN }),
    ];
    for (const reply of await Promise.all(pasted)) {
      expect(reply.status).toBe(422);
      expect(reply.json().errors.length).toBeGreaterThan(0);
    }
    expect(watch.leaks()).toEqual([]);
  });

  it('a token one character off gets a 401 that does not repeat the guess, from the API and from the dashboard’s sign-in', async () => {
    const watch = leakWatch();
    const { api, signIn } = await tokenTour(watch);
    const refused = await api('GET', '/sites', undefined, { Authorization: `Token token="${NEAR_MISS}"` });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('WWW-Authenticate')).toBe('Token realm="Application"');
    const signInRefused = await signIn(NEAR_MISS);
    expect(signInRefused.status).toBe(401);
    expect(signInRefused.headers.get('Set-Cookie')).toBeNull();
    expect(watch.leaks()).toEqual([]);
  });

  it('signing in to the dashboard with the token sets a session cookie that does not hold the token, and the session works', async () => {
    const watch = leakWatch();
    const { app, signIn } = await tokenTour(watch);
    const signedIn = await signIn(TOKEN);
    expect(signedIn.status).toBe(204);
    const cookie = signedIn.headers.get('Set-Cookie') ?? '';
    expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[A-Za-z0-9_-]{20,}; `));
    expect(cookie).not.toContain(TOKEN);
    expect(cookie).not.toContain(hashToken(TOKEN));
    const me = await watch.read(app.request('/dashboard/api/me', { headers: { Cookie: cookie.split(';')[0]! } }));
    expect(me.status).toBe(200);
    expect(me.json().org).toBe('acme');
    expect(watch.leaks()).toEqual([]);
  });

  it.each([
    ['an entry without its org', `${TOKEN}`],
    ['an entry with a space in the token', `acme:${TOKEN} ${TOKEN}`],
    ['an entry with a quote in the token', `acme:${TOKEN}"`],
    ['a good entry followed by a bad one', `acme:${TOKEN},beta ${TOKEN}`],
  ])('readConfig refuses API_TOKENS with %s without repeating the token', (_case, raw) => {
    const watch = leakWatch();
    expect(() => readConfig({ API_TOKENS: raw })).toThrow(/^API_TOKENS entry \d+ must be org:token/);
    try {
      readConfig({ API_TOKENS: raw });
    } catch (error) {
      watch.saw(inspect(error, { showHidden: true }));
    }
    expect(watch.leaks()).toEqual([]);
  });

  it('readConfig reads a well-formed API_TOKENS entry holding the token', () => {
    expect(readConfig({ API_TOKENS: `acme:${TOKEN}` }).apiTokens).toEqual([{ org: 'acme', token: TOKEN }]);
  });
});
