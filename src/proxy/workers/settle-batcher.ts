/**
 * Collects items that finish at about the same time and writes them in
 * batches: while one batch is being written, the next gathers. With 16
 * calls in flight, their outcomes share a commit (and its fsync) instead of
 * taking one each. `add` resolves once its item has been written.
 *
 * @example
 * const batcher = createSettleBatcher((items) => store.settleMany(items, owner, now()));
 * await batcher.add(item);
 */
export function createSettleBatcher<T>(write: (items: T[]) => Promise<void>): { add(item: T): Promise<void> } {
  let waiting: T[] = [];
  let draining: Promise<void> | undefined;
  async function drain(): Promise<void> {
    try {
      while (waiting.length) {
        const batch = waiting;
        waiting = [];
        await write(batch);
      }
    } finally {
      draining = undefined;
    }
  }
  return {
    add(item) {
      waiting.push(item);
      draining ??= drain();
      return draining;
    },
  };
}
