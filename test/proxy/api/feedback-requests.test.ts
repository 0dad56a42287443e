import { describe, expect, it } from 'vitest';
import { createOrgSettings } from '../../../src/proxy/org-settings/org-settings';
import { critizrAdapter } from '../../../src/proxy/relay/adapters/critizr/critizr-adapter';
import { createRelayRoutes } from '../../../src/proxy/relay/relay-routes';
import { critizrSettingsWith } from '../relay/critizr/critizr-fixtures';
import { SEED_FEEDBACK_REQUEST_BODY } from '../relay/relay-fixtures';
import { testApp } from '../fixtures';
import { ACME_TOKEN, BETA_TOKEN, V1 } from './api-fixtures';

const NOW = new Date('2026-11-23T10:00:00.000Z');

/** The seed's "Create a feedback request" example, moved to the future (and reminding with template 11: 12 is archived here). */
const seedExample = (overrides: Record<string, unknown> = {}) => ({
  ...SEED_FEEDBACK_REQUEST_BODY,
  send_at: '2026-11-24T18:00:00+0100',
  reminders: [
    { email_template_id: 11, send_at: '2026-12-01T18:00:00+0100' },
    { email_template_id: 11, send_at: '2026-12-06T18:00:00+0100' },
  ],
  ...overrides,
});

async function harness(options: { throttleDays?: number; critizr?: boolean } = {}) {
  const orgSettings = createOrgSettings({
    acme: {
      throttleDays: options.throttleDays ?? 0,
      emailTemplates: [
        { id: 10, name: 'Post Sale', from_name: null, from_email: null, subject: 'How did we do?', body: 'Hi', locale: 'en', archived: false },
        { id: 11, name: 'Reminder', from_name: null, from_email: null, subject: 'Still time', body: 'Hi', locale: 'en', archived: false },
        { id: 12, name: 'Old', from_name: null, from_email: null, subject: 'Old', body: 'Hi', locale: 'en', archived: true },
      ],
      textMessageTemplates: [{ id: 20, name: 'SMS', body: 'Tell us: {{link-to-survey}}', locale: 'en', archived: false }],
    },
  });
  const tokens: Record<string, string> = { [ACME_TOKEN]: 'acme', [BETA_TOKEN]: 'beta' };
  const relayRoutes = createRelayRoutes(
    options.critizr
      ? { acme: { provider: 'critizr', adapter: critizrAdapter, settings: critizrSettingsWith({ ignore_reminders: false }), secrets: { ok: true, values: { token: 't' } } } }
      : {},
  );
  let woken = 0;
  const { app, store } = await testApp({
    now: () => NOW,
    orgSettings,
    tokenLookup: async (t) => tokens[t],
    relayRoutes,
    publicUrl: 'https://feedback.acme.example',
    onRequestQueued: () => void (woken += 1),
  });
  const headers = (token = ACME_TOKEN, extra: Record<string, string> = {}) => ({ Accept: V1, 'User-Agent': 'Acme CRM', Authorization: `Token token="${token}"`, ...extra });
  return {
    store,
    woken: () => woken,
    post: (body: unknown, extra: Record<string, string> = {}) =>
      app.request('/api/feedback_requests', { method: 'POST', headers: headers(ACME_TOKEN, { 'Content-Type': 'application/json', ...extra }), body: JSON.stringify(body) }),
    get: (path: string, token = ACME_TOKEN) => app.request(`/api${path}`, { headers: headers(token) }),
  };
}

const fieldsOf = async (res: Response) => ((await res.json()) as { errors: { field: string; error: string }[] }).errors.map((e) => `${e.field} ${e.error}`);

describe('POST /api/feedback_requests', () => {
  it('creates the seed example, with ids on data and reminders and a link; with no system, it is sent at once (the link is the invitation)', async () => {
    const h = await harness();
    const res = await h.post(seedExample());
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(res.headers.get('Location')).toBe(`http://localhost/api/feedback_requests/${body.id}`);
    expect(body).toMatchObject({
      email: 'john.smith@example.com',
      state: 'sent',
      first_name: 'John',
      surname: 'Smith',
      survey_id: 1484,
      email_template_id: 10,
      reference: '#1041',
      machine_id: '8736245',
      // "send_at":"2023-08-20T18:00:00+0100" comes back as "2023-08-20T17:00:00Z" in the seed.
      send_at: '2026-11-24T17:00:00Z',
      sent_at: '2026-11-23T10:00:00Z',
      created_at: '2026-11-23T10:00:00Z',
      not_sent_reason: null,
      delivery_failure: null,
      ignore_throttle: false,
      provider: 'proxy',
      sms: null,
    });
    expect(body.link).toMatch(/^https:\/\/feedback\.acme\.example\/s\/[A-Za-z0-9_-]{22}$/);
    expect(body.data.map((d: { key: string }) => d.key)).toEqual(['staff_code', 'site_code', 'category', 'ticket_date']);
    expect(new Set(body.data.map((d: { id: number }) => d.id)).size).toBe(4);
    expect(body.reminders).toEqual([
      { id: expect.any(Number), email_template_id: 11, send_at: '2026-12-01T17:00:00Z', sent_at: null, text_message_template_id: null, not_sent_reason: null, delivery_failure: null },
      { id: expect.any(Number), email_template_id: 11, send_at: '2026-12-06T17:00:00Z', sent_at: null, text_message_template_id: null, not_sent_reason: null, delivery_failure: null },
    ]);
  });

  it('queues the relay with the request and wakes the worker', async () => {
    const h = await harness({ critizr: true });
    const res = await h.post(seedExample({ reminders: [] }));
    expect(res.status).toBe(201);
    expect((await res.json()).provider).toBe('critizr');
    expect(await h.store.jobs.pending(['relay'])).toBe(1);
    expect(h.woken()).toBe(1);
  });

  it('takes an SMS request without an email, ignoring email_template_id', async () => {
    const h = await harness();
    const res = await h.post({ send_at: '2026-11-24T09:00:00Z', survey_id: 1484, email_template_id: 10, sms: { number: '+44 7700 900123', text_message_template_id: 20 } });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ email: null, email_template_id: null, sms: { number: '+44 7700 900123', text_message_template_id: 20 } });
  });

  it('marks an external_link request sent at once, with no relay job', async () => {
    const h = await harness({ critizr: true });
    const res = await h.post(seedExample({ external_link: true, reminders: [] }));
    expect(await res.json()).toMatchObject({ state: 'sent', sent_at: '2026-11-23T10:00:00Z', external_link: true, provider: 'proxy' });
    expect(await h.store.jobs.pending(['relay'])).toBe(0);
  });

  it('reports every problem of a bad body at once, as v1 422 errors', async () => {
    const h = await harness();
    const res = await h.post({
      send_at: 'next tuesday',
      survey_id: 1484,
      data: [{ key: 'k'.repeat(31), value: 'v' }, { key: 'long', value: 'v'.repeat(101) }],
      reminders: [{ send_at: '2026-12-01T00:00:00Z', email_template_id: 11, text_message_template_id: 20 }],
    });
    expect(res.status).toBe(422);
    expect(await fieldsOf(res)).toEqual(expect.arrayContaining(['send_at invalid_value', 'data.0.key wrong_length', 'data.1.value wrong_length', 'reminders.0.email_template_id invalid_value']));
  });

  it('requires an email and a template for an email request', async () => {
    const h = await harness();
    const res = await h.post({ send_at: '2026-11-24T09:00:00Z', survey_id: 1484 });
    expect(await fieldsOf(res)).toEqual(['email required', 'email_template_id required']);
  });

  it('refuses a survey, a template or a time the org does not have', async () => {
    const h = await harness();
    const res = await h.post(seedExample({ survey_id: 999, email_template_id: 12, send_at: '2026-11-20T00:00:00Z', reminders: [{ email_template_id: 77, send_at: '2026-12-01T00:00:00Z' }] }));
    expect(res.status).toBe(422);
    expect(await fieldsOf(res)).toEqual(['survey_id invalid_value', 'send_at invalid_date', 'email_template_id forbidden_value', 'reminders.0.email_template_id invalid_value']);
  });

  it('refuses a reminder before its request and an SMS reminder on an email request', async () => {
    const h = await harness();
    const res = await h.post(seedExample({ reminders: [{ send_at: '2026-11-24T08:00:00Z', text_message_template_id: 20 }] }));
    expect(await fieldsOf(res)).toEqual(['reminders.0.email_template_id invalid_value', 'reminders.0.send_at invalid_value']);
  });

  it("refuses what the org's system would refuse, before anything is stored", async () => {
    const h = await harness({ critizr: true });
    const res = await h.post(seedExample());
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.errors[0]).toMatchObject({ resource: '/feedback_requests', field: 'reminders', extra_info: { provider: 'critizr' } });
    expect(await h.store.jobs.pending(['relay'])).toBe(0);
  });

  it('refuses unpermitted parameters with a 403 naming them', async () => {
    const h = await harness();
    const res = await h.post(seedExample({ state: 'sent' }));
    expect(res.status).toBe(403);
    expect((await res.json()).message).toContain('state');
  });

  describe('Idempotency-Key', () => {
    it('answers a retried POST with the first request, creating nothing', async () => {
      const h = await harness({ critizr: true });
      const key = { 'Idempotency-Key': 'order-1041-feedback' };
      const first = await h.post(seedExample({ reminders: [] }), key);
      // The same request spelled differently (keys reordered) is the same request.
      const { email, ...rest } = seedExample({ reminders: [] });
      const again = await h.post({ ...rest, email }, key);
      expect(again.status).toBe(201);
      expect(again.headers.get('Idempotent-Replayed')).toBe('true');
      expect((await again.json()).id).toBe((await first.json()).id);
      expect(await h.store.jobs.pending(['relay'])).toBe(1);
    });

    it('refuses the same key with another body', async () => {
      const h = await harness();
      const key = { 'Idempotency-Key': 'k-1' };
      await h.post(seedExample(), key);
      const res = await h.post(seedExample({ first_name: 'Jane' }), key);
      expect(res.status).toBe(422);
      expect(await fieldsOf(res)).toEqual(['Idempotency-Key custom']);
    });

    it('keeps keys apart per org', async () => {
      const h = await harness();
      await h.post(seedExample(), { 'Idempotency-Key': 'shared' });
      const list = await (await h.get('/feedback_requests', BETA_TOKEN)).json();
      expect(list).toEqual([]);
    });
  });

  describe('over-survey protection', () => {
    it('creates a second request to the same customer within N days as not_sent, saying why', async () => {
      const h = await harness({ throttleDays: 30, critizr: true });
      await h.post(seedExample({ reminders: [] }));
      const res = await h.post(seedExample({ reminders: [], email: 'JOHN.smith@example.com', send_at: '2026-12-10T09:00:00Z' }));
      expect(res.status).toBe(201);
      const body = await res.json();
      expect(body).toMatchObject({ state: 'not_sent', not_sent_reason: expect.stringContaining('over-survey protection') });
      expect(await h.store.jobs.pending(['relay'])).toBe(1);
    });

    it('sends it anyway with ignore_throttle, or after N days', async () => {
      const h = await harness({ throttleDays: 30 });
      await h.post(seedExample());
      expect((await (await h.post(seedExample({ ignore_throttle: true }))).json()).state).toBe('sent');
      expect((await (await h.post(seedExample({ send_at: '2027-01-10T09:00:00Z', reminders: [] }))).json()).state).toBe('sent');
    });
  });
});

describe('GET /api/feedback_requests', () => {
  it('lists newest first, filters by state, and shows one with its timeline', async () => {
    const h = await harness({ critizr: true });
    const pending = await (await h.post(seedExample({ reminders: [] }))).json();
    const sent = await (await h.post(seedExample({ external_link: true, email: 'kate@example.com' }))).json();
    const all = await h.get('/feedback_requests');
    expect(all.headers.get('X-Total-Count')).toBe('2');
    expect((await all.json()).map((r: { id: number }) => r.id)).toEqual([sent.id, pending.id]);
    expect((await (await h.get('/feedback_requests?state=pending')).json()).map((r: { id: number }) => r.id)).toEqual([pending.id]);
    const one = await (await h.get(`/feedback_requests/${sent.id}`)).json();
    expect(one.timeline.map((e: { kind: string }) => e.kind)).toEqual(['created', 'sent']);
  });

  it('refuses an unknown state and hides other orgs’ requests', async () => {
    const h = await harness();
    const created = await (await h.post(seedExample())).json();
    const bad = await h.get('/feedback_requests?state=lost');
    expect(bad.status).toBe(422);
    expect((await h.get(`/feedback_requests/${created.id}`, BETA_TOKEN)).status).toBe(404);
    expect((await h.get('/feedback_requests/abc')).status).toBe(404);
  });
});
