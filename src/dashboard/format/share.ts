/**
 * The whole percent `part` is of `total`, halves rounded up; 0 when there is no total.
 *
 * @example
 * share(1, 3) // 33
 */
export function share(part: number, total: number): number {
  return total > 0 ? Math.round((part / total) * 100) : 0;
}
