/** One bar's place along the axis: where it starts, how wide it is, and its middle. */
export interface BarSlot {
  x: number;
  width: number;
  center: number;
}

/**
 * Splits `start..end` into `count` equal bands and centres a bar in each, a
 * `gap` fraction of the band left empty between neighbours (d3's scaleBand
 * with paddingInner = paddingOuter / 2 = gap / 2). Equal bands are what lets
 * an HTML grid of labels line up under the bars.
 *
 * @example
 * barLayout(2, 0, 100, 0.2) // [{ x: 5, width: 40, center: 25 }, { x: 55, width: 40, center: 75 }]
 */
export function barLayout(count: number, start: number, end: number, gap = 0.2): BarSlot[] {
  if (count <= 0) return [];
  const band = (end - start) / count;
  const width = band * (1 - gap);
  return Array.from({ length: count }, (_, i) => {
    const center = start + band * (i + 0.5);
    return { x: center - width / 2, width, center };
  });
}
