import { parseJson } from './safe-storage';
import type { SafeStorage } from './safe-storage';

/** One response waiting for the proxy's answer: exactly the bytes the first attempt sent. */
export interface OutboxEntry {
  /** The response's `id`: its idempotency key at the proxy and its key here. */
  id: string;
  url: string;
  body: string;
}

/** Responses not yet confirmed by the proxy, shared by every tab of the site. */
export interface Outbox {
  put(entry: OutboxEntry): void;
  /** True while the entry waits, in this tab's memory or in storage (another tab may have sent it since). */
  has(id: string): boolean;
  remove(id: string): void;
  list(): OutboxEntry[];
}

const KEY = 'outbox:';

/**
 * The durable outbox: one storage key per response, so two tabs writing at
 * once never overwrite each other's entries. Without storage (blocked, full,
 * private mode) an entry lives in this tab's memory instead, so it is still
 * sent and retried for as long as the page lives.
 */
export function createOutbox(storage: SafeStorage): Outbox {
  const memory = new Map<string, OutboxEntry>();
  const read = (key: string): OutboxEntry | undefined => {
    const entry = parseJson<OutboxEntry>(storage.get(key));
    return typeof entry?.id === 'string' && typeof entry.url === 'string' && typeof entry.body === 'string' ? entry : undefined;
  };
  return {
    // Memory only when storage refuses: otherwise another tab that delivers the entry could
    // not take it out of this tab's memory, and this tab would send it again.
    put(entry) {
      if (!storage.set(KEY + entry.id, JSON.stringify(entry))) memory.set(entry.id, entry);
    },
    has: (id) => memory.has(id) || storage.get(KEY + id) !== null,
    remove(id) {
      memory.delete(id);
      storage.remove(KEY + id);
    },
    list() {
      const entries = new Map(memory);
      for (const key of storage.keys(KEY)) {
        const entry = read(key);
        if (entry) entries.set(entry.id, entry);
      }
      return [...entries.values()];
    },
  };
}
