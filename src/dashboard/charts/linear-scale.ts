/**
 * Maps a domain linearly onto a range, as d3's scaleLinear does for the one
 * use the charts have. A zero-width domain maps everything to the range's start.
 *
 * @example
 * linearScale([-100, 100], [160, 0])(50) // 40
 */
export function linearScale([d0, d1]: readonly [number, number], [r0, r1]: readonly [number, number]): (value: number) => number {
  const span = d1 - d0;
  return (value) => (span === 0 ? r0 : r0 + ((value - d0) / span) * (r1 - r0));
}
