import { describe, expect, it } from 'vitest';
import { enqueueWebhookEvent } from '../../../src/proxy/store/webhook-store';
import { testApp } from '../fixtures';
import { later, T0, webhookDb } from '../webhooks/webhook-fixtures';
import { ACME_TOKEN, BETA_TOKEN, V1 } from './api-fixtures';

const HOOK = { url: 'https://crm.acme.example/hooks/survey', events: ['response.created'], description: 'CRM' };

/** The API over a store whose database the test can also reach, to queue events. */
async function webhookApi() {
  const { db, store } = await webhookDb();
  const clock = { now: T0 };
  const tokens: Record<string, string> = { [ACME_TOKEN]: 'acme', [BETA_TOKEN]: 'beta' };
  const { app } = await testApp({ store, now: () => clock.now, tokenLookup: async (t) => tokens[t] });
  const call = (method: string, path: string, body?: unknown, token = ACME_TOKEN) =>
    app.request(`/api/webhook_endpoints${path}`, {
      method,
      headers: { Accept: V1, 'User-Agent': 'Acme Ltd', Authorization: `Token token="${token}"`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
  const create = async (body: unknown = HOOK) => (await call('POST', '', body)).json() as Promise<{ id: number; secret: string }>;
  return { db, store, clock, call, create };
}

describe('webhook endpoints', () => {
  it('are created with a 201, a Location and their secret, shown this once and never again', async () => {
    const api = await webhookApi();
    const res = await api.call('POST', '', HOOK);
    expect(res.status).toBe(201);
    const created = await res.json();
    expect(created).toEqual({
      id: expect.any(Number),
      url: HOOK.url,
      description: 'CRM',
      events: ['response.created'],
      disabled: false,
      created_at: '2026-11-23T10:00:00Z',
      updated_at: '2026-11-23T10:00:00Z',
      secret: expect.stringMatching(/^whsec_[A-Za-z0-9+/=]{32}$/),
    });
    expect(res.headers.get('Location')).toBe(`http://localhost/api/webhook_endpoints/${created.id}`);

    const { secret, ...shown } = created;
    for (const reply of [await api.call('GET', `/${created.id}`), await api.call('PATCH', `/${created.id}`, { description: 'CRM sync' }), await api.call('GET', '')]) {
      const text = await reply.text();
      expect(text).not.toContain(secret.slice('whsec_'.length));
      expect(text).not.toContain('secret');
    }
    expect(await (await api.call('GET', `/${created.id}`)).json()).toEqual({ ...shown, description: 'CRM sync' });
  });

  it('accept https anywhere and plain http only on loopback, refusing anything else with a clear 422', async () => {
    const api = await webhookApi();
    for (const url of ['http://localhost:3000/hooks', 'http://127.0.0.1:8080/in', 'http://127.9.9.9/in', 'http://[::1]:9000/in']) {
      expect((await api.call('POST', '', { ...HOOK, url })).status, url).toBe(201);
    }
    for (const url of ['http://crm.acme.example/hooks', 'http://10.0.0.5/in', 'ftp://crm.acme.example/in', 'not a url', 'https://']) {
      const res = await api.call('POST', '', { ...HOOK, url });
      expect(res.status, url).toBe(422);
      expect((await res.json()).errors).toEqual([
        { resource: '/webhook_endpoints', field: 'url', error: 'invalid_value', extra_info: { message: expect.stringContaining('https') } },
      ]);
    }
  });

  it('need at least one known event, each named once', async () => {
    const api = await webhookApi();
    for (const events of [[], ['response.deleted'], ['response.created', 'response.created'], 'response.created']) {
      const res = await api.call('POST', '', { ...HOOK, events });
      expect(res.status, JSON.stringify(events)).toBe(422);
      expect((await res.json()).errors[0]).toMatchObject({ field: expect.stringMatching(/^events/) });
    }
    const both = await api.call('POST', '', { ...HOOK, events: ['feedback_request.updated', 'response.created'] });
    expect((await both.json()).events).toEqual(['feedback_request.updated', 'response.created']);
  });

  it('refuse a secret of your choosing or any other unknown key with a 403, bad JSON with a 400, and other media types with a 415', async () => {
    const api = await webhookApi();
    const forbidden = await api.call('POST', '', { ...HOOK, secret: 'whsec_mine' });
    expect(forbidden.status).toBe(403);
    expect((await forbidden.json()).message).toContain('Unpermitted parameters: secret');
    expect((await api.call('POST', '', '{"url": ')).status).toBe(400);
    const text = await api.call('POST', '', undefined);
    expect(text.status).toBe(415);
    expect(await text.json()).toEqual({ message: expect.stringContaining('application/json') });
  });

  it('are patched key by key, disabled and enabled, with errors naming the endpoint', async () => {
    const api = await webhookApi();
    const { id } = await api.create();
    api.clock.now = later(T0, 60_000);
    const res = await api.call('PATCH', `/${id}`, { url: 'https://crm.acme.example/v2', events: ['feedback_request.updated'], disabled: true });
    expect(await res.json()).toMatchObject({ url: 'https://crm.acme.example/v2', events: ['feedback_request.updated'], description: 'CRM', disabled: true, updated_at: '2026-11-23T10:01:00Z' });
    expect(await (await api.call('PATCH', `/${id}`, { disabled: false, description: '' })).json()).toMatchObject({ disabled: false, description: null });
    const bad = await api.call('PATCH', `/${id}`, { url: 'http://crm.acme.example' });
    expect((await bad.json()).errors).toEqual([expect.objectContaining({ resource: `/webhook_endpoints/${id}`, field: 'url' })]);
  });

  it('are deleted with a 204: disabled, pending deliveries ended, the log still readable', async () => {
    const api = await webhookApi();
    const { id } = await api.create();
    await enqueueWebhookEvent(api.db, 'acme', 'response.created', 7, T0);
    const res = await api.call('DELETE', `/${id}`);
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
    expect(await (await api.call('GET', `/${id}`)).json()).toMatchObject({ disabled: true });
    expect(await (await api.call('GET', `/${id}/deliveries`)).json()).toMatchObject([{ status: 'failed', last_error: 'endpoint deleted' }]);
    expect(await enqueueWebhookEvent(api.db, 'acme', 'response.created', 8, T0)).toBe(0);
  });

  it('rotate their secret: the new one is shown once, the old one signs until 24 hours from now', async () => {
    const api = await webhookApi();
    const { id, secret } = await api.create();
    const res = await api.call('POST', `/${id}/rotate_secret`);
    expect(res.status).toBe(200);
    const rotated = await res.json();
    expect(rotated).toEqual({ secret: expect.stringMatching(/^whsec_/), previous_secret_expires_at: '2026-11-24T10:00:00Z' });
    expect(rotated.secret).not.toBe(secret);
    expect(await (await api.call('GET', `/${id}`)).text()).not.toContain(rotated.secret.slice('whsec_'.length));
  });

  it('list their deliveries newest first, paginated, with state and attempts', async () => {
    const api = await webhookApi();
    const { id } = await api.create();
    for (const subject of [1, 2, 3]) await enqueueWebhookEvent(api.db, 'acme', 'response.created', subject, T0);
    const res = await api.call('GET', `/${id}/deliveries?per_page=2`);
    expect(res.headers.get('X-Total-Count')).toBe('3');
    expect(res.headers.get('Link')).toContain('rel="next"');
    const page = await res.json();
    expect(page.map((d: { subject_id: number }) => d.subject_id)).toEqual([3, 2]);
    expect(page[0]).toEqual({
      id: expect.any(Number),
      message_id: expect.stringMatching(/^msg_/),
      type: 'response.created',
      subject_id: 3,
      status: 'pending',
      attempts: 0,
      next_attempt_at: '2026-11-23T10:00:00Z',
      created_at: '2026-11-23T10:00:00Z',
      delivered_at: null,
      failed_at: null,
      last_status: null,
      last_error: null,
    });
    expect((await api.call('GET', `/${id}/deliveries?per_page=0`)).status).toBe(422);
  });

  it('are listed oldest first with the pagination headers, and another org sees none of them', async () => {
    const api = await webhookApi();
    const first = await api.create();
    await api.create({ ...HOOK, description: 'second' });
    const res = await api.call('GET', '?per_page=1');
    expect(res.headers.get('X-Total-Count')).toBe('2');
    expect((await res.json()).map((e: { id: number }) => e.id)).toEqual([first.id]);

    expect(await (await api.call('GET', '', undefined, BETA_TOKEN)).json()).toEqual([]);
    for (const [method, path] of [['GET', ''], ['PATCH', ''], ['DELETE', ''], ['POST', '/rotate_secret'], ['GET', '/deliveries']] as const) {
      const res = await api.call(method, `/${first.id}${path}`, method === 'PATCH' ? { description: 'x' } : undefined, BETA_TOKEN);
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(await res.json()).toEqual({ message: `No webhook endpoint ${first.id}` });
    }
    expect((await api.call('GET', '/abc')).status).toBe(404);
    expect(await (await api.call('GET', `/${first.id}`)).json()).toMatchObject({ disabled: false, description: 'CRM' });
  });
});
