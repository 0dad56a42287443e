import { randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import type { Store } from '../../../src/proxy/store/open-store';
import { createOrgSettings } from '../../../src/proxy/org-settings/org-settings';
import { postResponse, testApp, validCsatPayload, validPayload } from '../fixtures';

export const V1 = 'application/vnd.customersure.v1+json';
export const ACME_TOKEN = 'acme-token-0001';
export const BETA_TOKEN = 'beta-token-0002';

export interface ApiHarness {
  app: Hono;
  store: Store;
  /** The clock every request sees; move it to stamp responses at other times. */
  clock: { now: Date };
  /** A GET to `/api{path}` with the v1 headers and acme's token unless overridden. */
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  /** A JSON POST/PATCH to `/api{path}`; a string body is sent as it is. */
  send(method: 'POST' | 'PATCH', path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  /** Posts a widget response (post-purchase unless `csat`), received at `at`; returns its v1 id. */
  respond(at: string, overrides?: Record<string, unknown>, csat?: boolean): Promise<number>;
}

/** The app with the v1 API: acme and beta tokens, acme in Europe/London with one template of each kind. */
export async function apiHarness(): Promise<ApiHarness> {
  const clock = { now: new Date('2026-11-23T10:00:00.000Z') };
  const orgSettings = createOrgSettings({
    acme: {
      timeZone: 'Europe/London',
      emailTemplates: [
        { id: 11, name: 'Reminder', from_name: null, from_email: null, subject: 'Still time', body: 'Hi', locale: 'en', archived: false },
        { id: 10, name: 'Post Sale Feedback Email', from_name: 'Kate Jones', from_email: 'kate@acme.co.uk', subject: 'How did we do?', body: 'Hi {{name/there}}', locale: 'en', archived: false },
      ],
      textMessageTemplates: [{ id: 7, name: 'Post Sale SMS Template', body: 'Tell us: {{link-to-survey}}', locale: 'en', archived: true }],
    },
  });
  const tokens: Record<string, string> = { [ACME_TOKEN]: 'acme', [BETA_TOKEN]: 'beta' };
  const { app, store } = await testApp({ now: () => clock.now, orgSettings, tokenLookup: async (t) => tokens[t] });
  const headers = (extra: Record<string, string> = {}) => ({ Accept: V1, 'User-Agent': 'Acme Ltd', Authorization: `Token token="${ACME_TOKEN}"`, ...extra });
  return {
    app,
    store,
    clock,
    get: async (path, extra) => app.request(`/api${path}`, { headers: headers(extra) }),
    send: async (method, path, body, extra) =>
      app.request(`/api${path}`, {
        method,
        headers: headers({ 'Content-Type': 'application/json', ...extra }),
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    respond: async (at, overrides = {}, csat = false) => {
      const before = clock.now;
      clock.now = new Date(at);
      const payload = (csat ? validCsatPayload : validPayload)({ id: randomUUID(), submitted_at: at, ...overrides });
      const res = await postResponse(app, payload);
      clock.now = before;
      if (res.status !== 201) throw new Error(`response refused: ${res.status} ${await res.text()}`);
      const list = await (await app.request('/api/feedback_responses?per_page=1', { headers: headers() })).json();
      return list[0].id as number;
    },
  };
}
