/**
 * Where the abuse limits count: memory in a single process (SQLite), a table
 * on PostgreSQL so every instance on one database counts together.
 */
export interface RateCounter {
  /**
   * Adds one hit to each key in the fixed window starting at `windowStart`
   * (ms since the epoch) and returns each key's hits after this one, in the
   * order of `keys`. Each increment is atomic: concurrent callers never read
   * the same count.
   */
  hit(keys: readonly string[], windowStart: number): Promise<number[]>;
}
