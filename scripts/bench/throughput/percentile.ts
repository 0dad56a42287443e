/**
 * The nearest-rank percentile of ascending `sorted` values: the smallest value
 * at or above which `q` of them lie (q from 0 to 1). NaN when there are none,
 * so an empty run prints as a gap rather than a reassuring 0.
 *
 * @example
 * percentile([1, 2, 3, 4], 0.5) // 2
 * percentile([1, 2, 3, 4], 0.99) // 4
 */
export function percentile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil(q * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}
