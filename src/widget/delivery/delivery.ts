import type { ErrorBody, FieldError } from '../../shared/error-body';
import type { Logger } from '../log';
import type { Outbox, OutboxEntry } from './outbox';
import { isRetryable, retryDelay } from './retry-policy';

/** What one attempt to deliver a response came to. */
export type Outcome =
  | { kind: 'sent' }
  /** Refused for good (a 4xx other than 408, 425 and 429); it is no longer kept. */
  | { kind: 'invalid'; message: string; errors: FieldError[] }
  /** Not confirmed yet: kept, and sent again later. */
  | { kind: 'queued' };

export interface DeliveryDeps {
  fetch: typeof fetch;
  outbox: Outbox;
  /** `navigator.locks`, so two tabs never send one response at once; absent on plain-http pages. */
  locks?: Pick<LockManager, 'request'>;
  log: Logger;
  setTimeout: (callback: () => void, ms: number) => unknown;
  clearTimeout: (handle: never) => void;
  now: () => number;
  random: () => number;
}

export interface Delivery {
  /** Saves the response in the outbox, then sends it; `listener` hears the outcome of every attempt. */
  send(entry: OutboxEntry, listener?: (outcome: Outcome) => void): void;
  /** Sends now every saved response that no tab is sending: at page load and on `online`. */
  flush(): void;
  /** Ends every wait now; `keepalive` (at `pagehide`) lets those requests outlive the page. */
  wake(keepalive?: boolean): void;
}

const LOCK_PREFIX = 'customersure-survey-widget:outbox:';
/** How long the visitor watches "Sending…" before hearing it is saved and will follow. */
export const PATIENCE_MS = 4_000;
/** A request unanswered this long is abandoned and retried; the proxy's idempotency makes that safe. */
export const ATTEMPT_TIMEOUT_MS = 30_000;
/** Browsers refuse keepalive requests past 64 KiB in flight. */
const KEEPALIVE_MAX_BYTES = 60_000;

/**
 * Delivers responses exactly once. A response is in the outbox before its
 * first request and leaves it only when the proxy confirms it (2xx) or
 * refuses it for good; every retry sends the same bytes, so the proxy, keyed
 * on the response's id, stores it once however often it arrives. The tab
 * that sends a response holds a Web Lock named after it, from the first
 * attempt to the last, so other tabs leave it alone. Never throws.
 *
 * @example
 * const delivery = createDelivery({ fetch, outbox, locks: navigator.locks, log, setTimeout, clearTimeout, now: Date.now, random: Math.random });
 * delivery.send({ id, url: 'https://proxy.example/v1/responses', body }, (outcome) => console.log(outcome.kind));
 */
export function createDelivery(deps: DeliveryDeps): Delivery {
  const { outbox, log } = deps;
  const owned = new Set<string>();
  const wakers = new Set<() => void>();
  let keepalive = false;
  let warned = false;

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const wake = () => {
        wakers.delete(wake);
        deps.clearTimeout(timer as never);
        resolve();
      };
      const timer = deps.setTimeout(wake, ms);
      wakers.add(wake);
    });

  /** One POST: its outcome and, when worth retrying, the proxy's Retry-After. */
  async function attempt({ url, body }: OutboxEntry, first: boolean): Promise<[Outcome, string | null]> {
    try {
      const res = await deps.fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        credentials: 'omit',
        signal: AbortSignal.timeout?.(ATTEMPT_TIMEOUT_MS),
        // The first attempt may outlive the page (visitors send and leave). Retries go without,
        // so a browser that refuses keepalive with a CORS preflight still gets them through.
        keepalive: (first || keepalive) && body.length < KEEPALIVE_MAX_BYTES,
      });
      if (res.ok) return [{ kind: 'sent' }, null];
      if (isRetryable(res.status)) return [{ kind: 'queued' }, res.headers.get('retry-after')];
      const refusal = (await res.json().catch(() => null)) as Partial<ErrorBody> | null;
      return [{ kind: 'invalid', message: refusal?.message ?? `HTTP ${res.status}`, errors: refusal?.errors ?? [] }, null];
    } catch {
      return [{ kind: 'queued' }, null];
    }
  }

  async function run(entry: OutboxEntry, listener: (outcome: Outcome) => void) {
    // Another tab took it up between our saving it and our lock, and has settled it since.
    if (!outbox.has(entry.id)) return listener({ kind: 'sent' });
    // Checked before every attempt: another tab may have delivered it since this one listed it.
    for (let n = 0; outbox.has(entry.id); n++) {
      // A request that hangs keeps the visitor waiting only so long: it is saved, so say so.
      const slow = deps.setTimeout(() => listener({ kind: 'queued' }), PATIENCE_MS);
      const [outcome, retryAfter] = await attempt(entry, n === 0);
      deps.clearTimeout(slow as never);
      if (outcome.kind !== 'queued') outbox.remove(entry.id);
      if (outcome.kind === 'invalid') log.error(`the proxy refused response ${entry.id}: ${outcome.message}`);
      listener(outcome);
      if (outcome.kind !== 'queued') return;
      const wait = retryDelay(n, retryAfter, deps.now(), deps.random());
      if (wait === undefined) {
        if (!warned) log.warn('the proxy has not confirmed every response; they stay saved in this browser and are sent on the next page load');
        warned = true;
        return;
      }
      await pause(wait);
    }
  }

  function take(entry: OutboxEntry, listener: (outcome: Outcome) => void = () => {}) {
    if (owned.has(entry.id)) return;
    owned.add(entry.id);
    const go = () => run(entry, listener);
    const release = () => void owned.delete(entry.id);
    const { locks } = deps;
    // ifAvailable: a lock held elsewhere means another tab is sending this one; leave it be, and
    // tell the visitor it is saved (a tab flushing the shared outbox can win the race for a new one).
    // A LockManager that refuses (sandboxed frames) leaves the proxy's idempotency to cope.
    const sending = locks
      ? locks.request(LOCK_PREFIX + entry.id, { ifAvailable: true }, (lock) => (lock ? go() : listener({ kind: 'queued' }))).catch(go)
      : go();
    void sending.then(release, release);
  }

  const wake = (alive = false) => {
    keepalive ||= alive;
    for (const waker of [...wakers]) waker();
  };

  return {
    send(entry, listener) {
      outbox.put(entry);
      take(entry, listener);
    },
    flush() {
      for (const entry of outbox.list()) take(entry);
      wake();
    },
    wake,
  };
}
