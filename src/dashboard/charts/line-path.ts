/** A point on the chart, or null where there is no value (a bucket without NPS ratings). */
export type LinePoint = { x: number; y: number } | null;

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * An SVG path through the points, broken where a value is missing rather
 * than drawn across the gap as if it were known.
 *
 * @example
 * linePath([{ x: 0, y: 10 }, { x: 5, y: 0 }, null, { x: 15, y: 5 }]) // 'M0 10L5 0M15 5'
 */
export function linePath(points: readonly LinePoint[]): string {
  let path = '';
  let pen = false;
  for (const point of points) {
    if (!point) {
      pen = false;
      continue;
    }
    path += `${pen ? 'L' : 'M'}${round(point.x)} ${round(point.y)}`;
    pen = true;
  }
  return path;
}
