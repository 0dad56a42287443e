import { sql, type Kysely, type Transaction } from 'kysely';
import { isSqlite } from './dialect';
import { createGroupCommit, type Settled } from './group-commit';
import type { Tables } from './tables';

/** The abuse limits' counters in the database, shared by every instance on it (a `RateCounter`). */
export interface RateLimitStore {
  /**
   * Adds one hit to each key in the window starting at `windowStart` (ms since
   * the epoch) and returns each key's hits after it, in the order of `keys`
   * (a key given twice is counted once).
   */
  hit(keys: readonly string[], windowStart: number): Promise<number[]>;
}

interface Hit {
  keys: readonly string[];
  windowStart: number;
}

/**
 * Rate-limit counters in `rate_limit_hits` (migration 005), for instances
 * sharing one PostgreSQL. The hits of one turn of the event loop go to the
 * database as one upsert (group commit, as responses are stored): a busy
 * org's counter is one hot row, and one statement and one durable commit per
 * request tripled a POST's time on a durable server. The upsert adds each
 * key's hits at once and returns the new totals, so the callers of a batch
 * share out the range just added, each count exactly once even while other
 * instances add to the same row. When a new window begins, rows of windows before the
 * previous one are deleted by whichever instance notices first.
 */
export function createRateLimitStore(db: Kysely<Tables>): RateLimitStore {
  let latest = 0;
  const prune = (windowStart: number) => {
    if (windowStart <= latest) return;
    const previous = latest;
    latest = windowStart;
    // Nothing waits for it; a failure leaves the rows for the next window's turn.
    if (previous > 0) void db.deleteFrom('rate_limit_hits').where('window_start', '<', previous).execute().catch(() => undefined);
  };
  const batches = createGroupCommit((hits: Hit[]) => countBatch(db, hits), { maxBatch: 500 });
  return {
    hit: async (keys, windowStart) => {
      if (keys.length === 0) return [];
      const counts = await batches.submit({ keys, windowStart });
      prune(windowStart);
      return counts;
    },
  };
}

/** One upsert for a batch of hits; each hit gets its own place in each of its keys' new range, in submission order. */
async function countBatch(db: Kysely<Tables>, hits: Hit[]): Promise<Settled<number[]>[]> {
  const added = new Map<string, Added>();
  // Each hit's place (1, 2, …) among the batch's hits on each of its keys.
  const places = hits.map(({ keys, windowStart }) =>
    new Map(
      [...new Set(keys)].map((key) => {
        const row = added.get(slot(key, windowStart)) ?? { key, windowStart, n: 0 };
        row.n += 1;
        added.set(slot(key, windowStart), row);
        return [key, row.n];
      }),
    ),
  );
  const totals = await addAll(db, [...added.values()]);
  // The batch added n to a row that now holds T: its hits were T-n+1 … T, and the p-th of them is this hit's.
  return hits.map(({ keys, windowStart }, i) => ({
    ok: true,
    value: keys.map((key) => {
      const { n } = added.get(slot(key, windowStart))!;
      return (totals.get(slot(key, windowStart)) ?? n) - n + places[i]!.get(key)!;
    }),
  }));
}

interface Added {
  key: string;
  windowStart: number;
  n: number;
}

const slot = (key: string, windowStart: number) => `${windowStart}|${key}`;

/** Adds each row's `n` to its counter in one statement; the new totals by slot. */
async function addAll(db: Kysely<Tables>, rows: Added[]): Promise<Map<string, number>> {
  // Sorted, so two instances' batches lock their rows in one order and cannot deadlock.
  const sorted = [...rows].sort((a, b) => a.windowStart - b.windowStart || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const upsert = (q: Kysely<Tables> | Transaction<Tables>) =>
    q
      .insertInto('rate_limit_hits')
      .values(sorted.map((r) => ({ key: r.key, window_start: r.windowStart, hits: r.n })))
      .onConflict((oc) => oc.columns(['key', 'window_start']).doUpdateSet({ hits: sql<number>`rate_limit_hits.hits + excluded.hits` }))
      .returning(['key', 'window_start', 'hits'])
      .execute();
  const totals = isSqlite(db)
    ? await upsert(db)
    : await db.transaction().execute(async (trx) => {
        // A count lost in a server crash is harmless, and not waiting for the WAL flush keeps the hot row's lock short.
        await sql`SET LOCAL synchronous_commit = off`.execute(trx);
        return upsert(trx);
      });
  return new Map(totals.map((t) => [slot(t.key, Number(t.window_start)), Number(t.hits)]));
}
