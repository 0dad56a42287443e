import { afterEach, describe, expect, it } from 'vitest';
import { createOrgSettings } from '../../../../src/proxy/org-settings/org-settings';
import { createCredentialCache } from '../../../../src/proxy/relay/credential-cache';
import { RelayFileSchema } from '../../../../src/proxy/relay/relay-file-schema';
import { createRelayRoutes, relayRoute } from '../../../../src/proxy/relay/relay-routes';
import { RELAY_RETRY_SCHEDULE } from '../../../../src/proxy/relay/retry-schedule';
import { runRelayBatch } from '../../../../src/proxy/workers/relay-worker';
import { CUSTOMERSURE_FAKE_COMPANY, CUSTOMERSURE_FAKE_TOKEN, startCustomerSureFake, type CustomerSureFake } from '../../../fakes/customersure/customersure-fake';
import { ACME_TOKEN, V1 } from '../../api/api-fixtures';
import { testApp } from '../../fixtures';
import { openTestStore } from '../../test-store';

const T0 = Date.parse('2026-11-23T10:00:00.000Z');
const open: { close(): Promise<unknown> }[] = [];
afterEach(async () => {
  for (const thing of open.splice(0).reverse()) await thing.close();
});

/** The proxy relaying acme's requests to the CustomerSure fake, everything on one hand-moved clock. */
async function customerSureRelay() {
  const clock = { now: T0 };
  const now = () => new Date(clock.now);
  const fake: CustomerSureFake = await startCustomerSureFake({ now: () => clock.now });
  const store = await openTestStore();
  open.push(fake, store);
  const file = RelayFileSchema.parse({ provider: 'customersure', base_url: fake.server.url, company_name: CUSTOMERSURE_FAKE_COMPANY, token_env: 'CUSTOMERSURE_TOKEN' });
  const routes = createRelayRoutes({ acme: relayRoute(file, (name) => (name === 'CUSTOMERSURE_TOKEN' ? CUSTOMERSURE_FAKE_TOKEN : undefined), () => clock.now) });
  const { app } = await testApp({ store, now, relayRoutes: routes, orgSettings: createOrgSettings({ acme: {} }), tokenLookup: async (t) => (t === ACME_TOKEN ? 'acme' : undefined) });
  const headers = { Accept: V1, 'User-Agent': 'test', Authorization: `Token token="${ACME_TOKEN}"`, 'Content-Type': 'application/json' };
  const deps = { jobs: store.jobs, requests: store.feedbackRequests, routes, fetch, now, random: () => 0, owner: 'cs-test', leaseMs: 60_000, schedule: RELAY_RETRY_SCHEDULE, publicUrl: 'http://127.0.0.1:1', credentials: createCredentialCache(), timeoutMs: 2_000, statusDelayMs: 600_000, log: (line: string) => { throw new Error(`unexpected log: ${line}`); } };
  return {
    fake,
    clock,
    async request(sendAt: string) {
      const res = await app.request('/api/feedback_requests', { method: 'POST', headers, body: JSON.stringify({ email: 'ann@example.com', send_at: sendAt, survey_id: 1484, email_template_id: 10 }) });
      if (res.status !== 201) throw new Error(`refused: ${res.status} ${await res.text()}`);
      return (await res.json()) as { id: number };
    },
    get: async (id: number) => (await app.request(`/api/feedback_requests/${id}`, { headers })).json(),
    async turn() {
      const jobs = await store.jobs.claim(['relay'], deps.owner, now(), deps.leaseMs, 100);
      await runRelayBatch(jobs, deps);
      return jobs.length;
    },
  };
}

describe('the relay worker, with CustomerSure', () => {
  it('relays a request as soon as it is accepted, with its send_at still ahead, for CustomerSure to send at that time', async () => {
    const h = await customerSureRelay();
    const created = await h.request('2026-11-24T09:00:00Z');
    expect(await h.turn()).toBe(1);
    expect(h.fake.requests.map((r) => r.posted.send_at)).toEqual(['2026-11-24T09:00:00Z']);
    expect(await h.get(created.id)).toMatchObject({ state: 'sent' });
    // Nothing was left waiting for send_at, when CustomerSure would refuse a time no longer ahead.
    h.clock.now = Date.parse('2026-11-24T09:00:00Z');
    expect(await h.turn()).toBe(0);
    expect(h.fake.requests).toHaveLength(1);
  });

});
