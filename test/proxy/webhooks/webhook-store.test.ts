import { describe, expect, it } from 'vitest';
import { writeTransaction } from '../../../src/proxy/store/dialect';
import { enqueueWebhookEvent } from '../../../src/proxy/store/webhook-store';
import { later, T0, webhookDb } from './webhook-fixtures';

const HOOK = { url: 'https://hooks.acme.example/in', events: ['response.created' as const], description: null };
const OWNER = 'webhooks-1';
const HOUR = 3_600_000;

describe('enqueueWebhookEvent', () => {
  it('queues one delivery and one due job per enabled endpoint of the org subscribed to the event', async () => {
    const { db, store } = await webhookDb();
    const both = await store.webhooks.create('acme', { ...HOOK, events: ['response.created', 'feedback_request.updated'] }, T0);
    const responses = await store.webhooks.create('acme', HOOK, T0);
    await store.webhooks.create('acme', { ...HOOK, events: ['feedback_request.updated'] }, T0);
    const disabled = await store.webhooks.create('acme', HOOK, T0);
    await store.webhooks.update('acme', disabled.id, { disabled: true }, T0);
    await store.webhooks.create('beta', HOOK, T0);

    expect(await enqueueWebhookEvent(db, 'acme', 'response.created', 41, T0)).toBe(2);

    const deliveries = await db.selectFrom('webhook_deliveries').selectAll().orderBy('id').execute();
    expect(deliveries.map((d) => d.endpoint_id)).toEqual([both.id, responses.id]);
    expect(deliveries.every((d) => d.type === 'response.created' && d.subject_id === 41 && d.org === 'acme' && d.body === null)).toBe(true);
    for (const d of deliveries) expect(d.message_id).toMatch(/^msg_[A-Za-z0-9_-]{24}$/);
    expect(new Set(deliveries.map((d) => d.message_id)).size).toBe(2);
    const jobs = await store.jobs.claim(['webhook'], OWNER, T0, 60_000, 10);
    expect(jobs.map((j) => j.subject_id)).toEqual(deliveries.map((d) => d.id));
  });

  it('is undone with the transaction it runs in, so an event exists only if its subject was stored', async () => {
    const { db, store } = await webhookDb();
    await store.webhooks.create('acme', HOOK, T0);
    const failing = writeTransaction(db, async (trx) => {
      expect(await enqueueWebhookEvent(trx, 'acme', 'response.created', 1, T0)).toBe(1);
      throw new Error('the response insert failed');
    });
    await expect(failing).rejects.toThrow('the response insert failed');
    expect(await store.jobs.pending(['webhook'])).toBe(0);
    expect(await db.selectFrom('webhook_deliveries').selectAll().execute()).toEqual([]);
  });
});

describe('webhook endpoints in the store', () => {
  it('are created with a fresh whsec_ secret each, listed oldest first with a total, and seen only by their org', async () => {
    const { store } = await webhookDb();
    const first = await store.webhooks.create('acme', HOOK, T0);
    const second = await store.webhooks.create('acme', { ...HOOK, description: 'CRM' }, T0);
    await store.webhooks.create('beta', HOOK, T0);
    expect(first.secret).toMatch(/^whsec_/);
    expect(second.secret).not.toBe(first.secret);
    expect(first.events).toEqual(['response.created']);

    const page = await store.webhooks.list('acme', { limit: 1, offset: 1 });
    expect(page.total).toBe(2);
    expect(page.rows.map((r) => r.description)).toEqual(['CRM']);
    expect(await store.webhooks.find('beta', first.id)).toBeUndefined();
    expect(await store.webhooks.update('beta', first.id, { url: 'https://x.example' }, T0)).toBeUndefined();
    expect(await store.webhooks.remove('beta', first.id, T0)).toBe(false);
    expect(await store.webhooks.rotateSecret('beta', first.id, T0)).toBeUndefined();
  });

  it('are patched field by field, and disabled and enabled again', async () => {
    const { store } = await webhookDb();
    const endpoint = await store.webhooks.create('acme', HOOK, T0);
    const patched = await store.webhooks.update('acme', endpoint.id, { events: ['feedback_request.updated'], description: 'ops' }, later(T0, 1000));
    expect(patched).toMatchObject({ url: HOOK.url, events: ['feedback_request.updated'], description: 'ops', updated_at: later(T0, 1000).toISOString() });
    expect((await store.webhooks.update('acme', endpoint.id, { disabled: true }, T0))?.disabled_at).toBe(T0.toISOString());
    expect((await store.webhooks.update('acme', endpoint.id, { disabled: false }, T0))?.disabled_at).toBeNull();
  });

  it('rotate to a new secret while the old one keeps signing for 24 hours; a second rotation retires the oldest', async () => {
    const { store } = await webhookDb();
    const endpoint = await store.webhooks.create('acme', HOOK, T0);
    const rotated = await store.webhooks.rotateSecret('acme', endpoint.id, T0);
    expect(rotated?.secret).toMatch(/^whsec_/);
    expect(rotated?.previous_secret_expires_at).toEqual(later(T0, 24 * HOUR));
    expect(await store.webhooks.find('acme', endpoint.id)).toMatchObject({ secret: rotated?.secret, previous_secret: endpoint.secret, previous_secret_until: later(T0, 24 * HOUR).toISOString() });

    const again = await store.webhooks.rotateSecret('acme', endpoint.id, later(T0, HOUR), 5000);
    expect(await store.webhooks.find('acme', endpoint.id)).toMatchObject({ secret: again?.secret, previous_secret: rotated?.secret, previous_secret_until: later(T0, HOUR + 5000).toISOString() });
  });
});

describe('webhook deliveries in the store', () => {
  async function oneQueued() {
    const harness = await webhookDb();
    const endpoint = await harness.store.webhooks.create('acme', HOOK, T0);
    await enqueueWebhookEvent(harness.db, 'acme', 'response.created', 7, T0);
    const [job] = await harness.store.jobs.claim(['webhook'], OWNER, T0, 60_000, 1);
    if (!job) throw new Error('no job claimed');
    const attempt = { deliveryId: job.subject_id, jobId: job.id, owner: OWNER };
    const log = async () => (await harness.store.webhooks.deliveries('acme', endpoint.id, { limit: 10, offset: 0 })).rows;
    return { ...harness, endpoint, job, attempt, log };
  }

  it('keep the first body saved, so every retry signs the same bytes', async () => {
    const { store, attempt } = await oneQueued();
    expect(await store.webhooks.saveBody(attempt.deliveryId, '{"v":1}')).toBe('{"v":1}');
    expect(await store.webhooks.saveBody(attempt.deliveryId, '{"v":2}')).toBe('{"v":1}');
    expect((await store.webhooks.loadDelivery(attempt.deliveryId))?.delivery.body).toBe('{"v":1}');
  });

  it('record a failed attempt and its retry time, then delivery, on the delivery and its job together', async () => {
    const { store, attempt, log } = await oneQueued();
    expect(await store.webhooks.markAttempt({ ...attempt, status: 503, error: 'HTTP 503' }, later(T0, 5000))).toBe(true);
    expect((await log())[0]).toMatchObject({ attempts: 1, next_attempt_at: later(T0, 5000).toISOString(), last_status: 503, last_error: 'HTTP 503', delivered_at: null });

    const [retry] = await store.jobs.claim(['webhook'], OWNER, later(T0, 5000), 60_000, 1);
    expect(await store.webhooks.markDelivered({ ...attempt, jobId: retry?.id ?? 0, status: 204 }, later(T0, 5000))).toBe(true);
    expect((await log())[0]).toMatchObject({ attempts: 2, next_attempt_at: null, last_status: 204, last_error: null, delivered_at: later(T0, 5000).toISOString() });
    expect(await store.jobs.pending(['webhook'])).toBe(0);
  });

  it('change nothing for a worker that lost its lease', async () => {
    const { store, attempt, log } = await oneQueued();
    expect(await store.webhooks.markDelivered({ ...attempt, owner: 'someone-else', status: 200 }, T0)).toBe(false);
    expect(await store.webhooks.markFailed({ ...attempt, owner: 'someone-else', status: 500, error: 'x' }, T0)).toBe(false);
    expect((await log())[0]).toMatchObject({ delivered_at: null, failed_at: null, last_status: null });
    expect(await store.jobs.pending(['webhook'])).toBe(1);
  });

  it('end unsent when their endpoint is deleted, except one a worker holds, which that worker settles', async () => {
    const { db, store, endpoint, attempt, log } = await oneQueued();
    await enqueueWebhookEvent(db, 'acme', 'response.created', 8, T0);
    expect(await store.webhooks.remove('acme', endpoint.id, later(T0, 1000))).toBe(true);

    const [newest, held] = await log();
    expect(newest).toMatchObject({ subject_id: 8, failed_at: later(T0, 1000).toISOString(), last_error: 'endpoint deleted', next_attempt_at: null });
    expect(held).toMatchObject({ subject_id: 7, failed_at: null });
    expect(await store.webhooks.markDelivered({ ...attempt, status: 200 }, later(T0, 2000))).toBe(true);
    expect(await store.jobs.pending(['webhook'])).toBe(0);
    expect((await store.webhooks.find('acme', endpoint.id))?.disabled_at).toBe(later(T0, 1000).toISOString());
    expect(await enqueueWebhookEvent(db, 'acme', 'response.created', 9, T0)).toBe(0);
  });

  it('end for good on a 410, which disables the endpoint and ends its other pending deliveries', async () => {
    const { db, store, endpoint, attempt, log } = await oneQueued();
    await enqueueWebhookEvent(db, 'acme', 'response.created', 8, T0);
    expect(await store.webhooks.markFailed({ ...attempt, status: 410, error: 'HTTP 410 Gone' }, T0, { disableEndpoint: true })).toBe(true);
    expect((await log()).map((d) => [d.subject_id, d.last_status, d.last_error])).toEqual([
      [8, null, 'endpoint disabled: HTTP 410 Gone'],
      [7, 410, 'HTTP 410 Gone'],
    ]);
    expect((await store.webhooks.find('acme', endpoint.id))?.disabled_at).toBe(T0.toISOString());
    expect(await store.jobs.pending(['webhook'])).toBe(0);
  });

  it('are listed newest first with a total, only under their own endpoint and org', async () => {
    const { db, store, endpoint } = await oneQueued();
    await enqueueWebhookEvent(db, 'acme', 'response.created', 8, T0);
    const page = await store.webhooks.deliveries('acme', endpoint.id, { limit: 1, offset: 0 });
    expect(page).toMatchObject({ total: 2, rows: [{ subject_id: 8, attempts: 0, next_attempt_at: T0.toISOString() }] });
    expect((await store.webhooks.deliveries('beta', endpoint.id, { limit: 10, offset: 0 })).total).toBe(0);
  });
});
