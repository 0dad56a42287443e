import type { Hono } from 'hono';
import { createApp } from '../../../src/proxy/create-app';
import { loadOrgSettings } from '../../../src/proxy/org-settings/org-settings';
import { loadRelayRoutes } from '../../../src/proxy/relay/relay-routes';
import { loadSurveyCatalog } from '../../../src/proxy/survey-catalog';
import { tempDir } from '../fixtures';
import { openTestStore } from '../test-store';

export const DEMO_TOKEN = 'demo-token-test';
export const V1 = { Accept: 'application/vnd.customersure.v1+json', 'User-Agent': 'test', Authorization: `Token token="${DEMO_TOKEN}"` };

/**
 * The proxy as `npm start` configures it, in process: the real demo surveys,
 * org settings (templates, time zone) and relay file (Critizr, whose checks a
 * feedback request must pass), over an empty in-memory store, its clock at `now`.
 */
export async function demoApp(now: Date): Promise<Hono> {
  // Only a broken demo file or an internal error would log: let the test output show it.
  const log = (message: string) => console.error(message);
  return createApp({
    catalog: loadSurveyCatalog('demo/surveys', log),
    store: await openTestStore(),
    orgSettings: loadOrgSettings('demo/surveys', log),
    relayRoutes: loadRelayRoutes('demo/surveys', (name) => (name === 'ACME_CRITIZR_TOKEN' ? 'critizr-test-token' : undefined), log),
    tokenLookup: async (token) => (token === DEMO_TOKEN ? 'acme' : undefined),
    allowedOrigins: [],
    readWidgetScript: () => undefined,
    demoDir: tempDir(),
    now: () => now,
    log,
  });
}

/** `fetch` that answers from `app` in process, for code that takes one. */
export function inProcessFetch(app: Hono): typeof fetch {
  return async (input, init) => app.request(input instanceof Request ? input : String(input), init);
}
