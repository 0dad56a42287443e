import { randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import { createOrgSettings } from '../../../src/proxy/org-settings/org-settings';
import type { Store } from '../../../src/proxy/store/open-store';
import { postResponse, testApp, validCsatPayload, validPayload } from '../fixtures';

export const V1 = 'application/vnd.customersure.v1+json';

export interface DashboardHarness {
  app: Hono;
  store: Store;
  clock: { now: Date };
  /** acme's API token (a real one, from the token store). */
  token: string;
  /** Signs in with `token` and returns the Cookie header to send. */
  signIn(token?: string): Promise<string>;
  /** A GET under /dashboard/api with the cookie. */
  get(path: string, cookie?: string): Promise<Response>;
  /** Posts a widget response submitted (and received) at `at`; `csat` for the support survey. */
  respond(at: string, overrides?: Record<string, unknown>, csat?: boolean): Promise<void>;
  /** A v1 API GET with acme's token. */
  v1(path: string): Promise<Response>;
}

/** The whole app, acme in Europe/London with link patterns, a real API token, no session yet. */
export async function dashboardHarness(options: { eventsPollMs?: number } = {}): Promise<DashboardHarness> {
  const clock = { now: new Date('2026-11-23T10:00:00.000Z') };
  const orgSettings = createOrgSettings({
    acme: { timeZone: 'Europe/London', linkPatterns: { reference: 'https://crm.example/orders/{reference}' } },
  });
  const { app, store } = await testApp({ now: () => clock.now, orgSettings, eventsPollMs: options.eventsPollMs ?? 20 });
  const { token } = await store.tokens.create('acme', 'dashboard test', clock.now);
  let cookie = '';
  const harness: DashboardHarness = {
    app,
    store,
    clock,
    token,
    signIn: async (t = token) => {
      const res = await app.request('/dashboard/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token: t }) });
      if (res.status !== 204) throw new Error(`sign-in refused: ${res.status} ${await res.text()}`);
      cookie = (res.headers.get('Set-Cookie') ?? '').split(';')[0] ?? '';
      return cookie;
    },
    get: async (path, c = cookie) => app.request(`/dashboard/api${path}`, { headers: c ? { Cookie: c } : {} }),
    respond: async (at, overrides = {}, csat = false) => {
      const before = clock.now;
      clock.now = new Date(at);
      const res = await postResponse(app, (csat ? validCsatPayload : validPayload)({ id: randomUUID(), submitted_at: at, ...overrides }));
      clock.now = before;
      if (res.status !== 201) throw new Error(`response refused: ${res.status} ${await res.text()}`);
    },
    v1: async (path) => app.request(`/api${path}`, { headers: { Accept: V1, 'User-Agent': 'test', Authorization: `Token token="${token}"` } }),
  };
  return harness;
}
