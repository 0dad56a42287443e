/** One item's outcome in a batch: its own failure (a constraint, say) fails it alone. */
export type Settled<O> = { ok: true; value: O } | { ok: false; error: unknown };

/** How batches have gone so far: what the bench and the tests read. */
export interface GroupCommitStats {
  /** Batches run (transactions, for the store's batches). */
  batches: number;
  /** Items submitted to those batches. */
  items: number;
  /** The most items one batch held. */
  largest: number;
}

export interface GroupCommit<I, O> {
  /** Queues `item` for the next batch; settles once the batch that holds it has run (committed). */
  submit(item: I): Promise<O>;
  /** Resolves when nothing is queued or running, items submitted meanwhile included. */
  drain(): Promise<void>;
  stats(): GroupCommitStats;
}

export interface GroupCommitOptions {
  /** The most items one batch takes; the rest wait for the next. */
  maxBatch: number;
  /**
   * How the start of a batch is put off: by default to the end of the current
   * turn of the event loop (`setImmediate`), never by a timer. Requests read
   * in the same turn join one batch; a lone one starts at once. It also
   * matters for better-sqlite3, which commits synchronously: without this
   * yield the first request of a turn would commit alone while the rest of the
   * turn's requests waited unread.
   */
  defer?: (start: () => void) => void;
}

/**
 * Group commit: runs submitted items in batches, one batch at a time. While a
 * batch runs, new items queue; when it settles, the queue (up to `maxBatch`)
 * is the next batch. Under load batches grow by themselves; when idle an item
 * waits for nobody. `runBatch` answers one `Settled` per item, in order, and
 * only after its transaction committed; if it throws (the commit failed),
 * every item of the batch rejects with that error, since none of them is
 * durable. Pure apart from `defer`.
 *
 * @example
 * const inserts = createGroupCommit((rows: Row[]) => insertAll(db, rows), { maxBatch: 500 });
 * const result = await inserts.submit(row); // after the COMMIT that stored it
 */
export function createGroupCommit<I, O>(runBatch: (items: I[]) => Promise<Settled<O>[]>, { maxBatch, defer = setImmediate }: GroupCommitOptions): GroupCommit<I, O> {
  if (!(maxBatch >= 1)) throw new Error(`maxBatch must be at least 1, got ${maxBatch}`);
  interface Waiting {
    item: I;
    resolve: (value: O) => void;
    reject: (error: unknown) => void;
  }
  let queue: Waiting[] = [];
  // True from the moment a batch is scheduled until it has settled: at most one runs at a time.
  let busy = false;
  const idle: (() => void)[] = [];
  const stats: GroupCommitStats = { batches: 0, items: 0, largest: 0 };

  const schedule = () => {
    if (busy) return;
    if (queue.length === 0) {
      for (const wake of idle.splice(0)) wake();
      return;
    }
    busy = true;
    defer(() => void run());
  };

  const run = async () => {
    const batch = queue.length <= maxBatch ? queue : queue.slice(0, maxBatch);
    queue = queue.length <= maxBatch ? [] : queue.slice(maxBatch);
    stats.batches += 1;
    stats.items += batch.length;
    stats.largest = Math.max(stats.largest, batch.length);
    try {
      const settled = await runBatch(batch.map((w) => w.item));
      if (settled.length !== batch.length) throw new Error(`a batch of ${batch.length} settled ${settled.length} items`);
      settled.forEach((s, i) => (s.ok ? batch[i]!.resolve(s.value) : batch[i]!.reject(s.error)));
    } catch (error) {
      for (const w of batch) w.reject(error);
    }
    busy = false;
    schedule();
  };

  return {
    submit: (item) =>
      new Promise<O>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        schedule();
      }),
    drain: () => (busy || queue.length > 0 ? new Promise<void>((resolve) => idle.push(resolve)) : Promise.resolve()),
    stats: () => ({ ...stats }),
  };
}
