/** Round to 12 significant digits, so 0.1 + 0.2 steps read as 0.3, not 0.30000000000000004. */
const tidy = (n: number) => Number(n.toPrecision(12)) || 0;

/**
 * A round step for about `count` intervals over `span`: 1, 2 or 5 times a power of ten.
 *
 * @example
 * niceStep(37, 5) // 10
 */
export function niceStep(span: number, count: number): number {
  const rough = Math.abs(span) / Math.max(1, count) || 1;
  const power = 10 ** Math.floor(Math.log10(rough));
  const residual = rough / power;
  return tidy((residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 5 ? 5 : 10) * power);
}

/**
 * Evenly spaced round ticks from at or below `min` to at or above `max`; the
 * first and last tick make the chart's domain, so the ticks also sit evenly
 * on the page. `integer` keeps steps whole (there is no half a response).
 *
 * @example
 * niceTicks(0, 37) // [0, 10, 20, 30, 40]
 * niceTicks(0, 3, 5, true) // [0, 1, 2, 3]
 */
export function niceTicks(min: number, max: number, count = 5, integer = false): number[] {
  let [lo, hi] = min <= max ? [min, max] : [max, min];
  if (lo === hi) hi = lo + 1;
  let step = niceStep(hi - lo, count);
  if (integer) step = Math.max(1, Math.round(step));
  const first = Math.floor(tidy(lo / step)) * step;
  const last = Math.ceil(tidy(hi / step)) * step;
  const ticks: number[] = [];
  for (let i = 0; tidy(first + i * step) <= tidy(last); i++) ticks.push(tidy(first + i * step));
  return ticks;
}
