/**
 * The open-loop schedule: request `i` (from 0) is due `i / rate` seconds after
 * the start, whether or not earlier ones have been answered. Latency is taken
 * from this time, not from when a free connection finally sent the request, so
 * a server that stalls is charged for the queue it builds (no coordinated
 * omission).
 */
export interface OpenLoopSchedule {
  /** Requests in the whole run. */
  total: number;
  /** When request `i` is due, in ms on the clock `startMs` was read from. */
  scheduledAt(i: number): number;
  /** How many requests are due by `nowMs` (all of them from the first on, capped at `total`). */
  dueBy(nowMs: number): number;
}

/**
 * The schedule of `durationMs × ratePerSecond / 1000` evenly spaced requests from `startMs`.
 *
 * @example
 * const s = openLoopSchedule({ startMs: 0, ratePerSecond: 1000, durationMs: 2000 });
 * s.total // 2000
 * s.scheduledAt(3) // 3
 * s.dueBy(2.5) // 3 (requests 0, 1 and 2)
 */
export function openLoopSchedule({ startMs, ratePerSecond, durationMs }: { startMs: number; ratePerSecond: number; durationMs: number }): OpenLoopSchedule {
  if (!(ratePerSecond > 0)) throw new Error(`the rate must be positive, got ${ratePerSecond}`);
  const total = Math.floor((durationMs * ratePerSecond) / 1000);
  return {
    total,
    scheduledAt: (i) => startMs + (i * 1000) / ratePerSecond,
    dueBy: (nowMs) => (nowMs < startMs ? 0 : Math.min(total, Math.floor(((nowMs - startMs) * ratePerSecond) / 1000) + 1)),
  };
}
