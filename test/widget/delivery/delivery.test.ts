import { describe, expect, it } from 'vitest';
import { createDelivery, PATIENCE_MS } from '../../../src/widget/delivery/delivery';
import type { DeliveryDeps, Outcome } from '../../../src/widget/delivery/delivery';
import { createOutbox } from '../../../src/widget/delivery/outbox';
import type { Outbox } from '../../../src/widget/delivery/outbox';
import { MAX_ATTEMPTS } from '../../../src/widget/delivery/retry-policy';
import { createSafeStorage } from '../../../src/widget/delivery/safe-storage';
import { createLogger } from '../../../src/widget/log';
import { fakeConsole, fakeStorage, json, settle } from '../fixtures';

const URL = 'https://proxy.example/v1/responses';
const entry = (id = 'r1') => ({ id, url: URL, body: `{"id":"${id}","answers":[{"question_id":1,"answer":9}]}` });

type Reply = () => Response | Promise<Response>;
const status = (code: number, headers: Record<string, string> = {}): Reply => () => new Response(code === 204 ? null : '{}', { status: code, headers });
const offline: Reply = () => Promise.reject(new TypeError('Failed to fetch'));

interface Sent {
  body: string;
  keepalive: boolean | undefined;
  /** Whether the entry was in the outbox when the request started. */
  stored: boolean;
}

/** Timers that fire only when the test says so, recording every wait asked for. */
function manualTimers() {
  let next = 0;
  const pending = new Map<number, () => void>();
  const waits: number[] = [];
  return {
    /** Waits between attempts; the patience timer that runs beside every attempt is left out. */
    waits,
    setTimeout: (callback: () => void, ms: number) => {
      if (ms !== PATIENCE_MS) waits.push(ms);
      pending.set(++next, callback);
      return next;
    },
    clearTimeout: (id: never) => void pending.delete(id),
    /** Fires every pending timer, then lets the promises they start settle. */
    async fire() {
      const due = [...pending.values()];
      pending.clear();
      due.forEach((callback) => callback());
      await settle();
    },
  };
}

/** Web Locks over one shared set of names, as every tab of a site sees them. */
function sharedLocks(held = new Set<string>()) {
  const request = async (name: string, _options: LockOptions, callback: (lock: Lock | null) => unknown) => {
    if (held.has(name)) return callback(null);
    held.add(name);
    try {
      return await callback({ name, mode: 'exclusive' } as Lock);
    } finally {
      held.delete(name);
    }
  };
  return { held, request: request as unknown as LockManager['request'] };
}

/** One tab's delivery over shared storage, a fetch that answers from `replies` in turn (the last repeats). */
function tab(replies: Reply[], options: { backing?: Storage; locks?: DeliveryDeps['locks'] } = {}) {
  const backing = options.backing ?? fakeStorage();
  const outbox: Outbox = createOutbox(createSafeStorage(() => backing));
  const console = fakeConsole();
  const timers = manualTimers();
  const sent: Sent[] = [];
  const outcomes: Outcome['kind'][] = [];
  const fetch = (async (_url: string, init: RequestInit) => {
    const body = init.body as string;
    sent.push({ body, keepalive: init.keepalive, stored: outbox.has((JSON.parse(body) as { id: string }).id) });
    const reply = replies.length > 1 ? replies.shift()! : replies[0]!;
    return reply();
  }) as typeof globalThis.fetch;
  const delivery = createDelivery({
    fetch, outbox, locks: options.locks, log: createLogger(console), setTimeout: timers.setTimeout, clearTimeout: timers.clearTimeout,
    now: () => Date.parse('2026-11-22T12:00:00Z'), random: () => 0.5,
  });
  const listener = (outcome: Outcome) => void outcomes.push(outcome.kind);
  return { delivery, outbox, backing, console, timers, sent, outcomes, listener };
}

describe('createDelivery()', () => {
  it('keeps a response in the outbox before its first request and forgets it once the proxy confirms it', async () => {
    const t = tab([status(201)]);
    t.delivery.send(entry(), t.listener);
    await settle();
    expect(t.sent).toEqual([{ body: entry().body, keepalive: true, stored: true }]);
    expect(t.outcomes).toEqual(['sent']);
    expect(t.outbox.list()).toEqual([]);
  });

  it.each([408, 425, 429, 500, 502, 503, 504])('sends the same bytes again after a %i, and forgets them once confirmed', async (code) => {
    const t = tab([status(code), status(201)]);
    t.delivery.send(entry(), t.listener);
    await settle();
    expect(t.outcomes).toEqual(['queued']);
    expect(t.outbox.has('r1')).toBe(true);
    await t.timers.fire();
    expect(t.outcomes).toEqual(['queued', 'sent']);
    expect(t.sent.map((s) => s.body)).toEqual([entry().body, entry().body]);
    expect(t.outbox.list()).toEqual([]);
  });

  it.each([400, 401, 403, 404, 409, 410, 413, 415, 422])('gives up on a %i at once, forgets the response and says why', async (code) => {
    const t = tab([() => json({ message: 'Validation failed', errors: [{ resource: 'response', field: 'id', error: 'custom', extra_info: {} }] }, code)]);
    const outcomes: Outcome[] = [];
    t.delivery.send(entry(), (outcome) => outcomes.push(outcome));
    await settle();
    expect(outcomes).toEqual([{ kind: 'invalid', message: 'Validation failed', errors: [{ resource: 'response', field: 'id', error: 'custom', extra_info: {} }] }]);
    expect(t.sent).toHaveLength(1);
    expect(t.outbox.list()).toEqual([]);
    expect(t.timers.waits).toEqual([]);
    expect(t.console.errors).toEqual(['[survey-widget] the proxy refused response r1: Validation failed']);
  });

  it('gives up on a refusal without a JSON body, naming its status', async () => {
    const t = tab([() => new Response('<h1>Forbidden</h1>', { status: 403 })]);
    const outcomes: Outcome[] = [];
    t.delivery.send(entry(), (outcome) => outcomes.push(outcome));
    await settle();
    expect(outcomes).toEqual([{ kind: 'invalid', message: 'HTTP 403', errors: [] }]);
  });

  it('retries a network error with a growing, jittered wait', async () => {
    const t = tab([offline, offline, offline, status(201)]);
    t.delivery.send(entry(), t.listener);
    await settle();
    await t.timers.fire();
    await t.timers.fire();
    await t.timers.fire();
    expect(t.outcomes).toEqual(['queued', 'queued', 'queued', 'sent']);
    expect(t.timers.waits).toEqual([750, 1500, 3000]);
  });

  it('waits as long as Retry-After says, in seconds or as an HTTP date', async () => {
    const t = tab([status(429, { 'Retry-After': '7' }), status(503, { 'Retry-After': 'Sun, 22 Nov 2026 12:00:30 GMT' }), status(201)]);
    t.delivery.send(entry(), t.listener);
    await settle();
    await t.timers.fire();
    await t.timers.fire();
    expect(t.timers.waits).toEqual([7000, 30_000]);
    expect(t.outcomes).toEqual(['queued', 'queued', 'sent']);
  });

  it('lets only the first attempt outlive the page, unless the page is going away', async () => {
    const t = tab([offline, offline, offline, status(201)]);
    t.delivery.send(entry(), t.listener);
    await settle();
    await t.timers.fire();
    t.delivery.wake(true);
    await settle();
    expect(t.sent.map((s) => s.keepalive)).toEqual([true, false, true]);
  });

  it('tells the visitor it is saved when the first request hangs, and still reports the confirmation later', async () => {
    let answer: (res: Response) => void = () => {};
    const t = tab([() => new Promise<Response>((resolve) => (answer = resolve))]);
    t.delivery.send(entry(), t.listener);
    await settle();
    expect(t.outcomes).toEqual([]);
    await t.timers.fire();
    expect(t.outcomes).toEqual(['queued']);
    answer(new Response('{}', { status: 201 }));
    await settle();
    expect(t.outcomes).toEqual(['queued', 'sent']);
    expect(t.outbox.list()).toEqual([]);
  });

  it('sends at once what waits when woken (pagehide, online)', async () => {
    const t = tab([offline, status(201)]);
    t.delivery.send(entry(), t.listener);
    await settle();
    t.delivery.wake();
    await settle();
    expect(t.outcomes).toEqual(['queued', 'sent']);
  });

  it('stops after the last attempt of this page, keeps the responses, and warns once', async () => {
    const t = tab([offline]);
    t.delivery.send(entry('r1'));
    t.delivery.send(entry('r2'));
    for (let i = 0; i < MAX_ATTEMPTS + 2; i++) await t.timers.fire();
    expect(t.sent).toHaveLength(2 * MAX_ATTEMPTS);
    expect(t.outbox.list().map((e) => e.id).sort()).toEqual(['r1', 'r2']);
    expect(t.console.warnings).toEqual([
      '[survey-widget] the proxy has not confirmed every response; they stay saved in this browser and are sent on the next page load',
    ]);
  });

  it('sends what an earlier page left in the outbox, once, however often it is flushed', async () => {
    const backing = fakeStorage();
    const before = tab([offline], { backing });
    before.delivery.send(entry('r1'));
    before.delivery.send(entry('r2'));
    await settle();

    const after = tab([status(201)], { backing });
    after.delivery.flush();
    after.delivery.flush();
    await settle();
    after.delivery.flush();
    await settle();
    expect(after.sent.map((s) => s.body)).toEqual([entry('r1').body, entry('r2').body]);
    expect(after.outbox.list()).toEqual([]);
  });

  it('leaves a response alone while another tab holds its lock, and sends it once that tab lets go', async () => {
    const backing = fakeStorage();
    const locks = sharedLocks();
    const first = tab([offline], { backing, locks });
    first.delivery.send(entry());
    await settle();
    expect(locks.held.has('customersure-survey-widget:outbox:r1')).toBe(true);

    const second = tab([status(201)], { backing, locks });
    second.delivery.flush();
    await settle();
    expect(second.sent).toEqual([]);

    for (let i = 0; i < MAX_ATTEMPTS; i++) await first.timers.fire();
    expect(locks.held.size).toBe(0);
    second.delivery.flush();
    await settle();
    expect(second.sent).toHaveLength(1);
    expect(first.outbox.list()).toEqual([]);
  });

  it('tells the visitor a new response is saved when another tab’s flush took it up first, and sends it once', async () => {
    const backing = fakeStorage();
    const locks = sharedLocks(new Set(['customersure-survey-widget:outbox:r1']));
    const t = tab([status(201)], { backing, locks });
    t.delivery.send(entry(), t.listener);
    await settle();
    expect(t.outcomes).toEqual(['queued']);
    expect(t.sent).toEqual([]);
    expect(t.outbox.has('r1')).toBe(true);
  });

  it('reports a response another tab settled before this one got its lock as sent, sending nothing', async () => {
    const backing = fakeStorage();
    const t = tab([status(201)], { backing });
    const original = t.outbox.put;
    // The other tab delivers and removes it the moment it is saved.
    t.outbox.put = (e) => {
      original(e);
      t.outbox.remove(e.id);
    };
    t.delivery.send(entry(), t.listener);
    await settle();
    expect(t.outcomes).toEqual(['sent']);
    expect(t.sent).toEqual([]);
  });

  it('does not send a response that another tab delivered after this one listed it', async () => {
    const backing = fakeStorage();
    const first = tab([offline], { backing });
    first.delivery.send(entry());
    await settle();
    backing.removeItem('customersure-survey-widget:outbox:r1');
    await first.timers.fire();
    expect(first.sent).toHaveLength(1);
  });

  it('sends, and retries from memory, when storage throws', async () => {
    const t = tab([offline, status(201)], { backing: fakeStorage(true) });
    t.delivery.send(entry(), t.listener);
    await settle();
    await t.timers.fire();
    expect(t.outcomes).toEqual(['queued', 'sent']);
  });

  it('still sends when the lock manager refuses (sandboxed frames)', async () => {
    const locks = { request: (() => Promise.reject(new DOMException('denied', 'SecurityError'))) as unknown as LockManager['request'] };
    const t = tab([status(201)], { locks });
    t.delivery.send(entry(), t.listener);
    await settle();
    expect(t.outcomes).toEqual(['sent']);
  });
});
