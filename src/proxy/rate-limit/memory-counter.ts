import type { RateCounter } from './rate-counter';

/**
 * A `RateCounter` in this process's memory: right for SQLite, whose file one
 * process serves. A key's count starts again in each new window, and when a
 * window begins the keys of windows before the previous one are dropped, so
 * memory holds at most two windows' worth of keys.
 *
 * @example
 * const counter = createMemoryCounter();
 * await counter.hit(['responses-ip:203.0.113.9'], 1_750_000_000_000) // [1]
 */
export function createMemoryCounter(): RateCounter {
  const counts = new Map<string, { windowStart: number; hits: number }>();
  let latest = -Infinity;
  const prune = (windowStart: number) => {
    if (windowStart <= latest) return;
    const previous = latest;
    latest = windowStart;
    for (const [key, entry] of counts) if (entry.windowStart < previous) counts.delete(key);
  };
  return {
    // Synchronous inside: nothing can interleave between the read and the write.
    hit: async (keys, windowStart) => {
      prune(windowStart);
      return keys.map((key) => {
        const entry = counts.get(key);
        const hits = entry?.windowStart === windowStart ? entry.hits + 1 : 1;
        counts.set(key, { windowStart, hits });
        return hits;
      });
    },
  };
}
