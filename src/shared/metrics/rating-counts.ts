/**
 * How many ratings each value got: value → count, as a `GROUP BY value` gives them.
 * A Map, not a record, so the values stay numbers and no key can reach a prototype.
 */
export type RatingCounts = ReadonlyMap<number, number>;

/**
 * Tallies single ratings into `RatingCounts`.
 *
 * @example
 * countRatings([10, 9, 10, 3]) // Map { 10 => 2, 9 => 1, 3 => 1 }
 */
export function countRatings(values: Iterable<number>): Map<number, number> {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

/**
 * How many ratings of `value` there are. A count that is not a whole, non-negative number
 * is read as none, so one bad row cannot turn a score into NaN.
 */
export function countOf(counts: RatingCounts, value: number): number {
  const count = counts.get(value) ?? 0;
  return Number.isSafeInteger(count) && count > 0 ? count : 0;
}

/**
 * `part` as a whole percentage of `whole`, halves rounded away from zero (12.5 → 13,
 * -12.5 → -13), in integer arithmetic so no halfway case is lost to floating point.
 * Null when `whole` is 0: there is no score without ratings.
 *
 * @example
 * roundedPercent(9, 10) // 90
 * roundedPercent(-1, 8) // -13
 */
export function roundedPercent(part: number, whole: number): number | null {
  if (whole === 0) return null;
  const scaled = Math.abs(part) * 100;
  const quotient = Math.floor(scaled / whole);
  const rounded = 2 * (scaled - quotient * whole) >= whole ? quotient + 1 : quotient;
  return part < 0 && rounded > 0 ? -rounded : rounded; // never -0
}
