import { onTestFinished } from 'vitest';
import { createOrgSettings } from '../../../src/proxy/org-settings/org-settings';
import { createCredentialCache } from '../../../src/proxy/relay/credential-cache';
import { RelayFileSchema } from '../../../src/proxy/relay/relay-file-schema';
import { createRelayRoutes, relayRoute } from '../../../src/proxy/relay/relay-routes';
import { RELAY_RETRY_SCHEDULE } from '../../../src/proxy/relay/retry-schedule';
import { hashToken } from '../../../src/proxy/store/token-store';
import { runRelayBatch, type RelayWorkerDeps } from '../../../src/proxy/workers/relay-worker';
import { createWebhookRender } from '../../../src/proxy/workers/render-webhook';
import { runWebhookJobs } from '../../../src/proxy/workers/webhook-worker';
import { startFakeServer } from '../../fakes/fake-server';
import { CANARY_SECRETS } from '../../support/canary-secrets';
import { demoCatalog, testApp } from '../fixtures';
import { openTestStore } from '../test-store';
import { startHostileProvider, unrecordedFetch } from './hostile-provider';
import type { LeakWatch } from './leak-watch';
import type { TourProvider } from './tour-providers';

const TOKEN = CANARY_SECRETS.apiToken;
const V1 = 'application/vnd.customersure.v1+json';
const PUBLIC_URL = 'https://feedback.acme.example';
export const T0 = Date.parse('2026-11-23T10:00:00.000Z');

/** A feedback request as the v1 API shows it, with its timeline. */
export interface RequestJson {
  id: number;
  state: 'pending' | 'sent' | 'not_sent';
  not_sent_reason: string | null;
  delivery_failure: string | null;
  timeline: { kind: string; detail: string | null }[];
}

/**
 * The proxy relaying acme's feedback requests to `provider`, configured as in
 * production (its relay file, its secrets read from an environment by the
 * names the file gives), pointed at a hostile provider; the relay worker on a
 * hand-moved clock; a webhook endpoint subscribed to the requests' changes.
 * Every reply read, log line and webhook payload goes through `watch`.
 */
export async function relayTour(provider: TourProvider, watch: LeakWatch) {
  const hostile = await startHostileProvider(provider.login);
  const receiver = await startFakeServer(() => new Response(null, { status: 204 }));
  const store = await openTestStore();
  onTestFinished(async () => {
    await Promise.all([hostile.server.close(), receiver.close()]);
    await store.close();
  });
  const clock = { now: T0 };
  const now = () => new Date(clock.now);
  const file = RelayFileSchema.parse(provider.relayFile(hostile.server.url));
  const routes = createRelayRoutes({ acme: relayRoute(file, (name) => provider.env[name], () => clock.now - (provider.adapterLagMs ?? 0)) });
  const { app } = await testApp({
    store,
    now,
    relayRoutes: routes,
    publicUrl: PUBLIC_URL,
    orgSettings: createOrgSettings({ acme: {} }),
    tokenLookup: async (t) => (t === TOKEN ? 'acme' : undefined),
    tokenHashLookup: async (h) => (h === hashToken(TOKEN) ? 'acme' : undefined),
    log: watch.log,
  });
  await store.webhooks.create('acme', { url: `${receiver.url}/hooks`, events: ['feedback_request.updated'], description: null }, now());
  const deps: RelayWorkerDeps & { credentials: ReturnType<typeof createCredentialCache> } = {
    jobs: store.jobs,
    requests: store.feedbackRequests,
    routes,
    fetch: unrecordedFetch,
    now,
    random: () => 0,
    owner: 'secrets-tour',
    leaseMs: 60_000,
    schedule: RELAY_RETRY_SCHEDULE,
    publicUrl: PUBLIC_URL,
    credentials: createCredentialCache(),
    timeoutMs: 2_000,
    statusDelayMs: 600_000,
    log: watch.log,
  };
  const headers = { Accept: V1, 'User-Agent': 'Acme Ltd', Authorization: `Token token="${TOKEN}"`, 'Content-Type': 'application/json' };
  const api = async (path: string) => (await watch.read(app.request(`/api${path}`, { headers }))).json();

  return {
    hostile,
    clock,
    /** Creates one feedback request through the API a minute ahead of its send time, now; returns its id. */
    async request(): Promise<number> {
      const body = { email: 'ann@example.com', send_at: now().toISOString(), survey_id: 1484, email_template_id: 10, first_name: 'Ann', ...provider.requestExtra };
      clock.now -= 60_000;
      const created = await watch.read(app.request('/api/feedback_requests', { method: 'POST', headers, body: JSON.stringify(body) }));
      clock.now += 60_000;
      if (created.status !== 201) throw new Error(`refused: ${created.status} ${created.text}`);
      return created.json().id as number;
    },
    /** One relay worker turn: claims what is due now and runs it; returns how many jobs ran. */
    async turn(): Promise<number> {
      const jobs = await store.jobs.claim(['relay', 'status'], deps.owner, now(), deps.leaseMs, 1000);
      await runRelayBatch(jobs, deps);
      return jobs.length;
    },
    /** Delivers the webhooks due now to the receiver; returns their payloads, which the watch has seen. */
    async webhookPayloads(): Promise<{ data: RequestJson }[]> {
      const worker = { store, fetch, now, render: createWebhookRender(store, demoCatalog(), PUBLIC_URL), owner: 'secrets-tour-webhooks', leaseMs: 60_000, log: watch.log };
      await runWebhookJobs(await store.jobs.claim(['webhook'], worker.owner, now(), worker.leaseMs, 1000), worker);
      for (const call of receiver.calls) watch.saw(call.body);
      return receiver.calls.map((call) => JSON.parse(call.body) as { data: RequestJson });
    },
    /** Every request as the v1 API (list, then each with its timeline) and the dashboard's invitations (list, each) show it. */
    async readEverywhere(ids: readonly number[]): Promise<{ api: RequestJson[]; dashboard: RequestJson[] }> {
      await api('/feedback_requests?per_page=100');
      const fromApi = await Promise.all(ids.map((id) => api(`/feedback_requests/${id}`) as Promise<RequestJson>));
      const signIn = await watch.read(app.request('/dashboard/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token: TOKEN }) }));
      const cookie = { Cookie: (signIn.headers.get('Set-Cookie') ?? '').split(';')[0]! };
      await watch.read(app.request('/dashboard/api/invitations?limit=100', { headers: cookie }));
      const fromDashboard = await Promise.all(ids.map(async (id) => (await watch.read(app.request(`/dashboard/api/invitations/${id}`, { headers: cookie }))).json() as RequestJson));
      return { api: fromApi, dashboard: fromDashboard };
    },
  };
}
