/**
 * The secrets tour, webhook secrets: an endpoint's signing secret is in the
 * reply that creates it (once, by design, as Stripe shows it) and nowhere
 * after: not in the endpoint's list, reads, edits or delivery log, not in what
 * the worker logs while a receiver fails every attempt, not in a delivery.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { hashToken } from '../../../src/proxy/store/token-store';
import { verifyWebhook } from '../../../src/proxy/webhooks/sign-webhook';
import { createWebhookRender } from '../../../src/proxy/workers/render-webhook';
import { runWebhookJobs } from '../../../src/proxy/workers/webhook-worker';
import { startFakeServer, type FakeServer } from '../../fakes/fake-server';
import { CANARY_SECRETS } from '../../support/canary-secrets';
import { demoCatalog, postResponse, testApp, validPayload } from '../fixtures';
import { webhookDb } from '../webhooks/webhook-fixtures';
import { leakWatch } from './leak-watch';

const SECRET = CANARY_SECRETS.webhookSecret;
const TOKEN = CANARY_SECRETS.apiToken;
const V1 = 'application/vnd.customersure.v1+json';
const T0 = new Date('2025-06-01T12:00:00.000Z');

const receivers: FakeServer[] = [];
afterEach(async () => {
  for (const receiver of receivers.splice(0)) await receiver.close();
});

/** A receiver that fails every delivery with a 500 whose body is the request's headers, as a debugging endpoint does. */
async function echoingReceiver(): Promise<FakeServer> {
  const receiver = await startFakeServer((request) => Response.json({ error: 'boom', headers: Object.fromEntries(request.headers) }, { status: 500 }));
  receivers.push(receiver);
  return receiver;
}

describe('the secrets tour: webhook secrets', () => {
  it('after the 201 that shows it, no reply, delivery or log line holds the endpoint’s secret, though every delivery is signed with it', async () => {
    const watch = leakWatch();
    const clock = { now: T0 };
    const { db, store } = await webhookDb();
    const { app } = await testApp({ store, now: () => clock.now, tokenLookup: async (t) => (t === TOKEN ? 'acme' : undefined), tokenHashLookup: async (h) => (h === hashToken(TOKEN) ? 'acme' : undefined), log: watch.log });
    const headers = { Accept: V1, 'User-Agent': 'Acme Ltd', Authorization: `Token token="${TOKEN}"`, 'Content-Type': 'application/json' };
    const api = (method: string, path: string, body?: unknown) => watch.read(app.request(`/api/webhook_endpoints${path}`, { method, headers, ...(body !== undefined && { body: JSON.stringify(body) }) }));
    const receiver = await echoingReceiver();

    // The one reply that shows a secret, by design: read outside the watch.
    const created = await app.request('/api/webhook_endpoints', { method: 'POST', headers, body: JSON.stringify({ url: `${receiver.url}/hooks`, events: ['response.created'] }) });
    expect(created.status).toBe(201);
    const { id, secret: shown } = (await created.json()) as { id: number; secret: string };
    expect(shown).toMatch(/^whsec_/);
    // The canary stands in for the secret handed out, so the suite-wide audit looks for it too.
    await db.updateTable('webhook_endpoints').set({ secret: SECRET }).where('id', '=', id).execute();

    expect((await postResponse(app, validPayload())).status).toBe(201);
    const worker = { store, fetch, now: () => clock.now, random: () => 0, render: createWebhookRender(store, demoCatalog(), 'https://proxy.example'), owner: 'tour', leaseMs: 60_000, timeoutMs: 2_000, log: watch.log };
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await runWebhookJobs(await store.jobs.claim(['webhook'], 'tour', clock.now, 60_000, 100), worker);
      clock.now = new Date(clock.now.getTime() + 86_400_000);
    }

    // The receiver got three signed attempts, each verifying under the canary, and failed them all.
    expect(receiver.calls.map((c) => c.outcome)).toEqual([500, 500, 500]);
    for (const call of receiver.calls) {
      const signed = { id: call.headers['webhook-id']!, timestamp: call.headers['webhook-timestamp']!, signature: call.headers['webhook-signature']! };
      expect(verifyWebhook([SECRET], signed, call.body, Number(signed.timestamp))).toBe(true);
      expect(JSON.stringify(call)).not.toContain(SECRET);
    }

    expect((await api('GET', '')).json()).toEqual([expect.objectContaining({ id, url: `${receiver.url}/hooks` })]);
    expect((await api('GET', `/${id}`)).json()).toMatchObject({ id, disabled: false });
    expect((await api('PATCH', `/${id}`, { description: 'the CRM' })).json()).toMatchObject({ id, description: 'the CRM' });
    expect((await api('GET', `/${id}/deliveries`)).json()).toEqual([expect.objectContaining({ status: 'pending', attempts: 3, last_status: 500 })]);
    expect((await api('GET', '/999999')).status).toBe(404);
    expect(watch.logLines().filter((line) => line.includes(`endpoint ${id}: attempt`))).toEqual([
      expect.stringContaining('attempt 1 failed (HTTP 500)'),
      expect.stringContaining('attempt 2 failed (HTTP 500)'),
      expect.stringContaining('attempt 3 failed (HTTP 500)'),
    ]);
    expect(watch.leaks({ 'the secret the 201 showed': shown })).toEqual([]);
  });
});
