import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterEach, describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { createOrgSettings } from '../../../src/proxy/org-settings/org-settings';
import { critizrAdapter } from '../../../src/proxy/relay/adapters/critizr/critizr-adapter';
import { CritizrSettingsSchema } from '../../../src/proxy/relay/adapters/critizr/critizr-settings';
import { createSecuratingAdapter } from '../../../src/proxy/relay/adapters/securating/securating-adapter';
import { SecuratingSettingsSchema } from '../../../src/proxy/relay/adapters/securating/securating-settings';
import { createCredentialCache } from '../../../src/proxy/relay/credential-cache';
import { createRelayRoutes, type RelayRoute } from '../../../src/proxy/relay/relay-routes';
import { RELAY_RETRY_SCHEDULE } from '../../../src/proxy/relay/retry-schedule';
import type { Store } from '../../../src/proxy/store/open-store';
import { runRelayBatch, type RelayWorkerDeps } from '../../../src/proxy/workers/relay-worker';
import { createWebhookRender } from '../../../src/proxy/workers/render-webhook';
import { runWebhookJobs } from '../../../src/proxy/workers/webhook-worker';
import { startFakeServer } from '../../fakes/fake-server';
import { CRITIZR_FAKE_PLACE, CRITIZR_FAKE_SURVEY, CRITIZR_FAKE_TOKEN, startCritizrFake } from '../../fakes/critizr/critizr-fake';
import { SECURATING_KEYWEBSITE, SECURATING_PROFILE_ID, startSecuratingFake } from '../../fakes/securating/securating-fake';
import { ETRUSTED_CHANNEL_ID, ETRUSTED_CLIENT_ID, ETRUSTED_CLIENT_SECRET, startEtrustedFake } from '../../fakes/etrusted/etrusted-fake';
import { etrustedAdapter } from '../../../src/proxy/relay/adapters/etrusted/etrusted-adapter';
import { EtrustedSettingsSchema } from '../../../src/proxy/relay/adapters/etrusted/etrusted-settings';
import { ACME_TOKEN, V1 } from '../api/api-fixtures';
import { demoCatalog, testApp, validPayload } from '../fixtures';
import { openTestStore } from '../test-store';

const open: { close(): Promise<unknown> }[] = [];
afterEach(async () => {
  for (const thing of open.splice(0).reverse()) await thing.close();
});

const T0 = Date.parse('2026-11-23T10:00:00.000Z');

/** The proxy app on a real loopback port (Securating calls back), its store, a hand-moved clock and the worker's deps. */
async function relayHarness(route: (publicUrl: string) => RelayRoute) {
  const clock = { now: T0 };
  const now = () => new Date(clock.now);
  const store: Store = await openTestStore();
  const routes = createRelayRoutes({});
  const { app } = await testApp({ store, now, relayRoutes: routes, tokenLookup: async (t) => (t === ACME_TOKEN ? 'acme' : undefined), orgSettings: createOrgSettings({ acme: {} }) });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => (server.listening ? resolve() : server.once('listening', () => resolve())));
  const publicUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  open.push({ close: () => new Promise((resolve) => server.close(resolve)) }, { close: () => store.close() });
  // The route is known once the proxy has an address (Securating's webhook URL points at it).
  Object.assign(routes, createRelayRoutes({ acme: route(publicUrl) }));
  const deps: RelayWorkerDeps & { credentials: ReturnType<typeof createCredentialCache> } = {
    jobs: store.jobs,
    requests: store.feedbackRequests,
    routes,
    fetch,
    now,
    random: () => 0,
    owner: 'relay-test',
    leaseMs: 60_000,
    schedule: RELAY_RETRY_SCHEDULE,
    publicUrl,
    credentials: createCredentialCache(),
    timeoutMs: 2_000,
    statusDelayMs: 600_000,
    log: (message) => {
      throw new Error(`unexpected log: ${message}`);
    },
  };
  const headers = { Accept: V1, 'User-Agent': 'test', Authorization: `Token token="${ACME_TOKEN}"`, 'Content-Type': 'application/json' };
  return {
    store,
    clock,
    publicUrl,
    /** Creates a request through the API; returns its JSON. */
    async request(body: Record<string, unknown> = {}) {
      const res = await app.request('/api/feedback_requests', {
        method: 'POST',
        headers,
        body: JSON.stringify({ email: 'ann@example.com', send_at: new Date(clock.now).toISOString(), survey_id: 1484, email_template_id: 10, first_name: 'Ann', ...body }),
      });
      if (res.status !== 201) throw new Error(`refused: ${res.status} ${await res.text()}`);
      return (await res.json()) as { id: number; state: string; link: string };
    },
    get: async (path: string) => (await app.request(`/api${path}`, { headers })).json(),
    api: (path: string, init: RequestInit = {}) => app.request(`/api${path}`, { ...init, headers: { ...headers, ...(init.headers as Record<string, string>) } }),
    app,
    /** One worker turn: claim what is due now, run it. Returns how many jobs ran. */
    async turn() {
      const jobs = await store.jobs.claim(['relay', 'status'], deps.owner, now(), deps.leaseMs, 1000);
      await runRelayBatch(jobs, deps);
      return jobs.length;
    },
  };
}

const critizrRoute = (baseUrl: string): RelayRoute => ({
  provider: 'critizr',
  adapter: critizrAdapter,
  settings: CritizrSettingsSchema.parse({
    provider: 'critizr',
    base_url: baseUrl,
    email_sender: 'Acme <feedback@acme.example>',
    place: CRITIZR_FAKE_PLACE.id,
    survey: CRITIZR_FAKE_SURVEY.id,
    token_env: 'ACME_CRITIZR_TOKEN',
  }),
  secrets: { ok: true, values: { token: CRITIZR_FAKE_TOKEN } },
});

async function critizr() {
  const fake = await startCritizrFake();
  open.push(fake);
  const h = await relayHarness(() => critizrRoute(fake.server.url));
  return { fake, h };
}

describe('the relay worker, with Critizr', () => {
  it('sends 1,000 requests due together as one bulk call, each recorded sent exactly once', async () => {
    const { fake, h } = await critizr();
    for (let i = 0; i < 1000; i += 1) await h.request({ email: `c${i}@example.com` });
    expect(await h.turn()).toBe(1000);
    expect(fake.bulkCalls()).toHaveLength(1);
    expect(fake.server.calls.filter((c) => c.path === '/v2/solicitations')).toHaveLength(0);
    expect(fake.solicitations).toHaveLength(1000);
    expect(new Set(fake.solicitations.map((s) => s.recipient)).size).toBe(1000);
    const pending = await h.api('/feedback_requests?state=pending');
    expect(pending.headers.get('X-Total-Count')).toBe('0');
    const sent = await h.api('/feedback_requests?state=sent&per_page=1');
    expect(sent.headers.get('X-Total-Count')).toBe('1000');
    expect(await h.turn()).toBe(0);
  });

  it('sends a lone request with a single call, at send_at and not before', async () => {
    const { fake, h } = await critizr();
    const created = await h.request({ send_at: new Date(T0 + 3_600_000).toISOString() });
    expect(await h.turn()).toBe(0);
    h.clock.now = T0 + 3_600_000;
    expect(await h.turn()).toBe(1);
    expect(fake.server.calls.map((c) => `${c.method} ${c.path}`)).toEqual(['POST /v2/solicitations']);
    expect(await h.get(`/feedback_requests/${created.id}`)).toMatchObject({ state: 'sent', sent_at: '2026-11-23T11:00:00Z' });
  });

  it('retries a 503 after the backoff, and a 429 no sooner than its Retry-After, sending once in the end', async () => {
    const { fake, h } = await critizr();
    const created = await h.request();
    fake.server.failNext({ kind: 'status', status: 503 });
    await h.turn();
    expect((await h.get(`/feedback_requests/${created.id}`)).state).toBe('pending');
    h.clock.now += 29_000;
    expect(await h.turn()).toBe(0);
    h.clock.now += 1_000;
    fake.server.failNext({ kind: 'status', status: 429, headers: { 'Retry-After': '300' } });
    expect(await h.turn()).toBe(1);
    h.clock.now += 299_000;
    expect(await h.turn()).toBe(0);
    h.clock.now += 1_000;
    expect(await h.turn()).toBe(1);
    expect(fake.solicitations).toHaveLength(1);
    const shown = await h.get(`/feedback_requests/${created.id}`);
    expect(shown.state).toBe('sent');
    expect(shown.timeline.map((e: { kind: string }) => e.kind)).toEqual(['created', 'attempt_failed', 'attempt_failed', 'sent']);
  });

  it('survives a reset connection and a hang past the timeout, losing nothing', async () => {
    const { fake, h } = await critizr();
    const created = await h.request();
    fake.server.failNext({ kind: 'reset' });
    await h.turn();
    h.clock.now += 30_000;
    fake.server.failNext({ kind: 'hang' });
    await h.turn();
    h.clock.now += 60_000;
    await h.turn();
    expect((await h.get(`/feedback_requests/${created.id}`)).state).toBe('sent');
    expect(fake.solicitations).toHaveLength(1);
  });

  it('ends a request Critizr refuses as not_sent with its reason, and one failing past the deadline too', async () => {
    const { fake, h } = await critizr();
    const refused = await h.request({ email: 'refused@example.com' });
    fake.server.failNext({ kind: 'status', status: 400, body: JSON.stringify({ recipient: ['Enter a valid email address.'] }) });
    await h.turn();
    expect(await h.get(`/feedback_requests/${refused.id}`)).toMatchObject({ state: 'not_sent', not_sent_reason: expect.stringContaining('critizr') });

    const failing = await h.request({ email: 'late@example.com' });
    fake.server.failNext({ kind: 'status', status: 500 }, { times: 1000 });
    for (let turns = 0; turns < 200 && (await h.get(`/feedback_requests/${failing.id}`)).state === 'pending'; turns += 1) {
      await h.turn();
      h.clock.now += 3_600_000;
    }
    const shown = await h.get(`/feedback_requests/${failing.id}`);
    expect(shown).toMatchObject({ state: 'not_sent', not_sent_reason: expect.stringMatching(/still failing after \d+ attempts/) });
    expect(h.clock.now - T0).toBeLessThanOrEqual(3 * 86_400_000 + 2 * 3_600_000);
  });

  it('reads the status back later: an undelivered solicitation becomes the delivery_failure', async () => {
    const { fake, h } = await critizr();
    const created = await h.request();
    await h.turn();
    fake.setStatus(1, 'Undelivered');
    h.clock.now += 600_000;
    expect(await h.turn()).toBe(1);
    expect(await h.get(`/feedback_requests/${created.id}`)).toMatchObject({ state: 'sent', delivery_failure: expect.stringContaining('Undelivered') });
  });

  it('leaves a job to its new holder when its lease ran out, so one outcome is recorded once', async () => {
    const { h } = await critizr();
    await h.request();
    const stale = await h.store.jobs.claim(['relay'], 'dead-worker', new Date(h.clock.now), 1_000, 10);
    h.clock.now += 2_000;
    expect(await h.turn()).toBe(1);
    expect(await h.store.jobs.finish(stale[0]!.id, 'dead-worker', new Date(h.clock.now))).toBe(false);
  });
});

describe('the relay worker, with eTrusted', () => {
  it('sends requests due together as one InvitesRequest, and its 207 settles each on its own', async () => {
    const fake = await startEtrustedFake({ now: () => T0 });
    open.push(fake);
    const h = await relayHarness(() => ({
      provider: 'etrusted',
      adapter: etrustedAdapter,
      settings: EtrustedSettingsSchema.parse({
        provider: 'etrusted',
        base_url: fake.server.url,
        token_url: fake.tokenUrl,
        channel: { id: ETRUSTED_CHANNEL_ID, type: 'etrusted' },
        questionnaire_template_id: 'tpl-qst-5a8b3c2d-1e4f-4a6b-9c8d-7e6f5a4b3c2d',
        email_templates: { '10': 'tpl-inv-0f1e2d3c-4b5a-4697-8877-665544332211' },
        client_id_env: 'ACME_ETRUSTED_CLIENT_ID',
        client_secret_env: 'ACME_ETRUSTED_CLIENT_SECRET',
      }),
      secrets: { ok: true, values: { clientId: ETRUSTED_CLIENT_ID, clientSecret: ETRUSTED_CLIENT_SECRET } },
    }));
    const ids = [];
    for (const email of ['a@example.com', 'b@example.com', 'c@example.com']) ids.push((await h.request({ email, send_at: new Date(T0 + 3_600_000).toISOString() })).id);
    h.clock.now = T0 + 3_600_000;
    fake.failInvites((invite) => invite.customer?.email === 'b@example.com', 400, 'customer.email is blocked');
    expect(await h.turn()).toBe(3);
    expect(fake.server.calls.filter((c) => c.path === '/invites')).toHaveLength(1);
    const states = await Promise.all(ids.map(async (id) => (await h.get(`/feedback_requests/${id}`)) as { state: string; not_sent_reason: string | null }));
    expect(states.map((r) => r.state)).toEqual(['sent', 'not_sent', 'sent']);
    expect(states[1]?.not_sent_reason).toContain('blocked');
  });
});

describe('the relay worker, with Securating and its webhook', () => {
  it('follows every step back to the request, stores the review as a linked response, and counts it in response_rate', async () => {
    const fake = await startSecuratingFake({ now: () => Date.now() });
    open.push(fake);
    const h = await relayHarness(() => ({
      provider: 'securating',
      adapter: createSecuratingAdapter(Date.now),
      settings: SecuratingSettingsSchema.parse({
        provider: 'securating',
        base_url: fake.server.url,
        url: 'https://acme.example/avis',
        profile_id: SECURATING_PROFILE_ID,
        surveys: { '1484': { thematics: ['1000300'] } },
        keywebsite_env: 'ACME_SECURATING_KEY',
      }),
      secrets: { ok: true, values: { keywebsite: SECURATING_KEYWEBSITE } },
    }));
    h.clock.now = Date.now();
    const created = await h.request({ data: [{ key: 'staff_code', value: 'luke' }] });
    await h.turn();
    const [invitation] = fake.invitations;
    expect(invitation?.request.fields.webhook).toMatch(new RegExp(`^${h.publicUrl}/relay/securating/[A-Za-z0-9_-]{22}$`));
    // Securating reports; our request follows.
    expect(await fake.fireWebhook(invitation!.id, 'invitation-created')).toMatchObject({ accepted: true, body: 'ok' });
    expect((await h.get(`/feedback_requests/${created.id}`)).state).toBe('sent');
    await fake.fireWebhook(invitation!.id, 'mail-send');
    await fake.fireWebhook(invitation!.id, 'link-opened');
    expect(await fake.fireWebhook(invitation!.id, 'review-saved', { rating: 9, comment: 'Très bien, merci' })).toMatchObject({ accepted: true });
    const shown = await h.get(`/feedback_requests/${created.id}`);
    expect(shown.timeline.map((e: { kind: string }) => e.kind)).toEqual([
      'created',
      'sent',
      'securating:invitation-created',
      'securating:mail-send',
      'securating:link-opened',
      'securating:review-saved',
    ]);
    const [response] = await h.get('/feedback_responses');
    expect(response).toMatchObject({
      answers: [
        { question_id: 1, answer: '9', type: 'Rating' },
        { question_id: 2, answer: 'Très bien, merci', type: 'Text' },
      ],
      fields: { name: 'Ann', email: 'ann@example.com', staff_code: 'luke', source: 'securating' },
      feedback_request: { id: created.id, state: 'sent' },
    });
    // The robots retry until they hear ok: a repeated review-saved stores nothing twice.
    await fake.fireWebhook(invitation!.id, 'review-saved', { rating: 9, comment: 'Très bien, merci' }).catch(() => undefined);
    expect(await h.get('/feedback_responses')).toHaveLength(1);
    const from = new Date(h.clock.now - 60_000).toISOString();
    const to = new Date(h.clock.now + 60_000).toISOString();
    expect(await h.get(`/response_rate?from_time=${from}&to_time=${to}`)).toMatchObject({ response_rate_percent: 100, sent_count: 1, delivered_count: 1, reply_count: 1 });
  });

  it('answers an unknown token 404 and an unknown step 400, storing nothing', async () => {
    const h = await relayHarness(() => ({ provider: 'proxy' }));
    expect((await fetch(`${h.publicUrl}/relay/securating/AAAAAAAAAAAAAAAAAAAAAA?step=mail-send`)).status).toBe(404);
    const created = await h.request();
    const token = (await h.store.feedbackRequests.find('acme', created.id))!.row.callback_token;
    const res = await fetch(`${h.publicUrl}/relay/securating/${token}?step=mail-lost`);
    expect(res.status).toBe(400);
    expect((await h.get(`/feedback_requests/${created.id}`)).timeline).toHaveLength(2);
  });
});

describe('the hosted link', () => {
  it('serves the survey inline, prefilled, under a strict CSP; a response through it is linked and the link then says so', async () => {
    const h = await relayHarness(() => ({ provider: 'proxy' }));
    const created = await h.request({ external_link: true, first_name: 'Ann', surname: 'Lee', reference: '#77', data: [{ key: 'site_code', value: 'leeds' }] });
    const path = new URL(created.link).pathname;
    const page = await h.app.request(path);
    expect(page.status).toBe(200);
    expect(page.headers.get('Content-Security-Policy')).toContain("script-src 'self'");
    expect(page.headers.get('Cache-Control')).toBe('private, no-store');
    const html = await page.text();
    expect(html).toContain('data-widget-params="{&#34;org&#34;:&#34;acme&#34;,&#34;survey&#34;:&#34;post-purchase&#34;,&#34;display&#34;:&#34;inline&#34;}"');
    expect(html).toContain('&#34;name&#34;:&#34;Ann Lee&#34;');
    expect(html).not.toMatch(/<script>(?!<\/script>)/);

    const token = path.split('/').pop()!;
    const posted = await h.app.request('/v1/responses', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(validPayload({ metadata: { reference: '#77', feedback_request: token }, segments: { site_code: 'leeds' }, submitted_at: new Date(h.clock.now).toISOString() })),
    });
    expect(posted.status).toBe(201);
    expect((await posted.json()).metadata).toEqual({ reference: '#77' });
    const [response] = await h.get('/feedback_responses');
    expect(response.feedback_request).toMatchObject({ id: created.id, state: 'sent' });
    expect(await (await h.app.request(path)).text()).toContain('already answered');
    expect((await h.app.request('/s/not-a-real-token-at-all')).status).toBe(404);
  });
});

describe('webhooks from the relay', () => {
  it('tells a subscriber, signed, when a request is sent and when a response arrives', async () => {
    const { h } = await critizr();
    const received: { headers: Record<string, string>; body: string }[] = [];
    const receiver = await startFakeServer(async (request) => {
      received.push({ headers: Object.fromEntries(request.headers), body: await request.text() });
      return new Response('', { status: 204 });
    });
    open.push(receiver);
    const subscribed = await h.api('/webhook_endpoints', { method: 'POST', body: JSON.stringify({ url: `${receiver.url}/hooks`, events: ['feedback_request.updated', 'response.created'] }) });
    const { secret } = (await subscribed.json()) as { secret: string };
    // Receivers refuse old signatures (five minutes): this test signs on the real clock.
    h.clock.now = Date.now();
    const created = await h.request();
    await h.turn();
    await h.app.request('/v1/responses', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(validPayload({ submitted_at: new Date(h.clock.now).toISOString() })) });
    const jobs = await h.store.jobs.claim(['webhook'], 'hooks', new Date(h.clock.now), 60_000, 10);
    await runWebhookJobs(jobs, { store: h.store, fetch, now: () => new Date(h.clock.now), render: createWebhookRender(h.store, demoCatalog(), h.publicUrl), owner: 'hooks', leaseMs: 60_000, log: () => undefined });
    const verified = received.map((r) => new Webhook(secret).verify(r.body, r.headers) as { type: string; data: { id: number; state?: string } });
    expect(verified.map((v) => v.type).sort()).toEqual(['feedback_request.updated', 'response.created']);
    expect(verified.find((v) => v.type === 'feedback_request.updated')?.data).toMatchObject({ id: created.id, state: 'sent' });
  });
});
