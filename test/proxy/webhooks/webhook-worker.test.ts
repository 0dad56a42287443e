import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WebhookEventType } from '../../../src/shared/api/webhook-schemas';
import { enqueueWebhookEvent } from '../../../src/proxy/store/webhook-store';
import { createWebhookWorker, runWebhookJobs, type WebhookWorkerDeps } from '../../../src/proxy/workers/webhook-worker';
import { startFakeServer, type FakeServer, type RecordedCall } from '../../fakes/fake-server';
import { later, T0, webhookDb } from './webhook-fixtures';

const OWNER = 'webhooks-test';
const LEASE_MS = 60_000;
const DAY = 86_400_000;

/**
 * A receiver on loopback answering 204, a store with one acme endpoint
 * subscribed to it, and a worker on a clock that only moves when told.
 * Responses render as `{id, email, version}`, the version counting renders.
 */
async function harness(options: { answer?: (request: Request) => Response | Promise<Response>; deps?: Partial<WebhookWorkerDeps> } = {}) {
  const { db, store } = await webhookDb();
  const receiver = await startFakeServer(options.answer ?? (() => new Response(null, { status: 204 })));
  receivers.push(receiver);
  const clock = { now: T0 };
  const logs: string[] = [];
  let renders = 0;
  const gone = new Set<number>();
  const deps: WebhookWorkerDeps = {
    store,
    fetch: globalThis.fetch,
    now: () => clock.now,
    random: () => 0,
    render: async (_type, _org, id) => (gone.has(id) ? undefined : { id, email: 'mariner@example.com', version: ++renders }),
    owner: OWNER,
    leaseMs: LEASE_MS,
    timeoutMs: 300,
    log: (line) => logs.push(line),
    ...options.deps,
  };
  const endpoint = await store.webhooks.create('acme', { url: `${receiver.url}/hooks`, events: ['response.created', 'feedback_request.updated'], description: null }, T0);
  let checked = 0;
  return {
    db,
    store,
    receiver,
    clock,
    logs,
    gone,
    deps,
    endpoint,
    emit: (subjectId: number, type: WebhookEventType = 'response.created') => enqueueWebhookEvent(db, 'acme', type, subjectId, clock.now),
    /**
     * Claims what is due now and runs it, as one turn of the worker loop; returns the calls the
     * receiver got, each verified as it arrived, with each of `secrets` (the endpoint's by default).
     */
    turn: async (...secrets: string[]) => {
      await runWebhookJobs(await store.jobs.claim(['webhook'], OWNER, clock.now, LEASE_MS, 100), deps);
      const fresh = receiver.calls.slice(checked);
      checked = receiver.calls.length;
      for (const call of fresh) for (const secret of secrets.length ? secrets : [endpoint.secret]) verifyAt(clock.now, secret, call);
      return fresh;
    },
    advance: (ms: number) => {
      clock.now = later(clock.now, ms);
    },
    log: async () => (await store.webhooks.deliveries('acme', endpoint.id, { limit: 100, offset: 0 })).rows,
  };
}

const receivers: FakeServer[] = [];
afterEach(async () => {
  for (const receiver of receivers.splice(0)) await receiver.close();
});

/** The independent library's verdict, as a receiver whose clock reads `at` would reach it; throws when it refuses. */
function verifyAt(at: Date, secret: string, call: RecordedCall): unknown {
  vi.useFakeTimers({ toFake: ['Date'], now: at });
  try {
    return new Webhook(secret).verify(call.body, call.headers);
  } finally {
    vi.useRealTimers();
  }
}

describe('the webhook worker', () => {
  it('delivers each event signed so the standardwebhooks package verifies it, as {type, timestamp, data} JSON', async () => {
    const h = await harness();
    const worker = createWebhookWorker({ ...h.deps, pollMs: 20 });
    await h.emit(41);
    worker.start();
    await worker.idle();
    await worker.stop();

    const [call] = h.receiver.calls;
    expect(call?.method).toBe('POST');
    expect(call?.path).toBe('/hooks');
    expect(call?.headers['content-type']).toBe('application/json');
    expect(call?.headers['user-agent']).toMatch(/survey-widget-proxy/);
    expect(verifyAt(h.clock.now, h.endpoint.secret, call as RecordedCall)).toEqual({
      type: 'response.created',
      timestamp: T0.toISOString(),
      data: { id: 41, email: 'mariner@example.com', version: 1 },
    });
    expect(await h.log()).toMatchObject([{ delivered_at: T0.toISOString(), last_status: 204, attempts: 1 }]);
  });

  it('signs with the old and the new secret during a rotation’s grace period, and with the new one alone after it', async () => {
    const h = await harness();
    const rotated = await h.store.webhooks.rotateSecret('acme', h.endpoint.id, T0);
    const secret = rotated?.secret as string;
    await h.emit(1);
    const [during] = await h.turn(h.endpoint.secret, secret);
    expect(during?.headers['webhook-signature']?.split(' ')).toHaveLength(2);

    h.advance(DAY + 1000);
    await h.emit(2);
    const [after] = await h.turn(secret);
    expect(() => verifyAt(h.clock.now, h.endpoint.secret, after as RecordedCall)).toThrow();
    expect(after?.headers['webhook-signature']?.split(' ')).toHaveLength(1);
  });

  it('loses nothing to a 500, a reset connection, a hang past the timeout or a 429: each retry carries the same id and body', async () => {
    const h = await harness();
    h.receiver.failNext({ kind: 'status', status: 500 });
    h.receiver.failNext({ kind: 'reset' });
    h.receiver.failNext({ kind: 'hang' });
    h.receiver.failNext({ kind: 'status', status: 429, headers: { 'Retry-After': '120' } });
    await h.emit(41);

    // First retry 5 s after a failure, doubling; the 429's Retry-After (120 s) outweighs the 40 s backoff.
    const calls: RecordedCall[] = [];
    for (const wait of [0, 5_000, 10_000, 20_000, 40_000, 80_000]) {
      h.advance(wait);
      calls.push(...(await h.turn()));
    }
    // Nothing at 40 s after the 429: it had asked for 120.
    expect(calls.map((c) => c.outcome)).toEqual([500, 'reset', 'hang', 429, 204]);
    expect(new Set(calls.map((c) => c.headers['webhook-id'])).size).toBe(1);
    expect(new Set(calls.map((c) => c.body)).size).toBe(1);
    expect(JSON.parse(calls[4]?.body ?? '{}').data.version).toBe(1);
    expect(await h.log()).toMatchObject([{ attempts: 5, last_status: 204, last_error: null, delivered_at: h.clock.now.toISOString(), failed_at: null }]);
  });

  it('disables an endpoint that answers 410 Gone, sending it nothing more', async () => {
    const h = await harness({ deps: { concurrency: 1 } });
    h.receiver.failNext({ kind: 'status', status: 410 });
    await h.emit(1);
    await h.emit(2);

    expect(await h.turn()).toHaveLength(1);
    expect((await h.store.webhooks.find('acme', h.endpoint.id))?.disabled_at).toBe(T0.toISOString());
    expect((await h.log()).map((d) => [d.subject_id, d.last_status, d.failed_at !== null])).toEqual([
      [2, null, true],
      [1, 410, true],
    ]);
    expect(await h.emit(3)).toBe(0);
    expect(h.logs.some((line) => line.includes('410 Gone'))).toBe(true);
  });

  it('gives a delivery up three days after its first attempt, keeping the last answer', async () => {
    const h = await harness();
    h.receiver.failNext({ kind: 'status', status: 503 }, { times: 1000 });
    await h.emit(41);
    const calls: RecordedCall[] = [];
    while ((await h.store.jobs.pending(['webhook'])) > 0) {
      calls.push(...(await h.turn()));
      const next = await h.store.jobs.nextDueAt(['webhook']);
      if (next) h.clock.now = next;
    }

    const [delivery] = await h.log();
    expect(delivery).toMatchObject({ last_status: 503, delivered_at: null, attempts: calls.length });
    expect(delivery?.last_error).toMatch(/^still failing after \d+ attempts .*HTTP 503$/);
    expect(Date.parse(delivery?.failed_at ?? '')).toBeLessThanOrEqual(later(T0, 3 * DAY).getTime());
    expect(Date.parse(delivery?.failed_at ?? '')).toBeGreaterThan(later(T0, 3 * DAY - 3_600_000).getTime());
    // 5 s doubling to 42 min 40 s is 11 attempts; then hourly for the rest of the three days.
    expect(calls.length).toBeGreaterThan(75);
    expect(new Set(calls.map((c) => c.headers['webhook-id'])).size).toBe(1);
  });

  it('ends a delivery unsent when its subject no longer exists, or its endpoint was disabled before it went', async () => {
    const h = await harness();
    h.gone.add(1);
    await h.emit(1);
    await h.emit(2);
    await h.store.webhooks.update('acme', h.endpoint.id, { disabled: true }, T0);
    await h.emit(3);
    await h.turn();

    expect(h.receiver.calls).toHaveLength(0);
    expect((await h.log()).map((d) => d.last_error)).toEqual(['endpoint disabled', 'endpoint disabled']);
    const other = await harness();
    other.gone.add(1);
    await other.emit(1);
    await other.turn();
    expect(other.receiver.calls).toHaveLength(0);
    expect(await other.log()).toMatchObject([{ last_error: 'subject no longer exists', body: null }]);
  });

  it('treats a redirect as a failure to retry, never following it', async () => {
    const h = await harness({ answer: (req) => (new URL(req.url).pathname === '/hooks' ? new Response(null, { status: 302, headers: { Location: '/elsewhere' } }) : new Response('ok')) });
    await h.emit(1);
    await h.turn();
    expect(h.receiver.calls.map((c) => c.path)).toEqual(['/hooks']);
    expect(await h.log()).toMatchObject([{ last_status: 302, last_error: 'HTTP 302', delivered_at: null, failed_at: null }]);
  });

  it('sends at most `concurrency` deliveries at once, and all of them', async () => {
    let inFlight = 0;
    let most = 0;
    const h = await harness({
      deps: { concurrency: 3 },
      answer: async () => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 15));
        inFlight -= 1;
        return new Response(null, { status: 200 });
      },
    });
    for (let id = 1; id <= 12; id += 1) await h.emit(id);
    expect(await h.turn()).toHaveLength(12);
    expect(most).toBe(3);
    expect((await h.log()).every((d) => d.delivered_at !== null)).toBe(true);
  });

  it('never logs a secret, a URL or a body', async () => {
    const h = await harness();
    await h.store.webhooks.rotateSecret('acme', h.endpoint.id, T0);
    const secrets = [h.endpoint.secret, (await h.store.webhooks.find('acme', h.endpoint.id))?.secret as string];
    h.receiver.failNext({ kind: 'status', status: 500 });
    h.receiver.failNext({ kind: 'reset' });
    h.receiver.failNext({ kind: 'status', status: 410 });
    await h.emit(1);
    for (const wait of [0, 5_000, 10_000]) {
      h.advance(wait);
      await h.turn();
    }

    expect(h.logs.length).toBeGreaterThanOrEqual(3);
    const forbidden = [...secrets, ...secrets.map((s) => s.slice('whsec_'.length)), h.receiver.url, 'mariner@example.com'];
    for (const line of h.logs) {
      expect(line).toMatch(/^\[survey-proxy\] /);
      for (const word of forbidden) expect(line).not.toContain(word);
    }
  });
});
