/**
 * The rows of an upsert batch, sorted by their key. On PostgreSQL an upsert
 * locks rows in the order it meets them; when every writer meets shared rows
 * (a day's rollup, a survey's count) in one order, two instances' batches
 * wait for each other instead of deadlocking. Any fixed order would do.
 *
 * @example
 * inLockOrder(new Map([['b', rowB], ['a', rowA]])) // [rowA, rowB]
 */
export function inLockOrder<T>(rows: ReadonlyMap<string, T>): T[] {
  return [...rows.keys()].sort().map((key) => rows.get(key) as T);
}
