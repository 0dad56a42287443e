import type { LoadSummary } from './load-plan';
import { percentile } from './percentile';

/** How one request ended: its HTTP status, or why there was none. */
export type Outcome = number | 'socket' | 'timeout' | 'unsent';

/** Collects every request's outcome; pure apart from the times it is handed. */
export interface LoadRecorder {
  /** `startedMs`: when the request was sent (closed loop) or due (open loop); `doneMs`: when its answer was read. */
  record(id: string, startedMs: number, doneMs: number, outcome: Outcome): void;
  summary(): LoadSummary;
}

/**
 * Counts into the window `[fromMs, toMs)` by completion time, so a run's
 * acknowledged/s is what the server finished in those seconds. Errors and
 * acknowledged ids are kept for the whole run: an error in the warm-up, or a
 * response lost after it, is still a user's response.
 *
 * @example
 * const recorder = createLoadRecorder({ fromMs: 1000, toMs: 2000 });
 * recorder.record('a', 1000, 1004, 201);
 * recorder.summary().ackPerSecond // 1
 */
export function createLoadRecorder({ fromMs, toMs }: { fromMs: number; toMs: number }): LoadRecorder {
  const latencies: number[] = [];
  const ackIds: string[] = [];
  const errors: Record<string, number> = {};
  return {
    record(id, startedMs, doneMs, outcome) {
      const acknowledged = outcome === 201 || outcome === 200;
      if (!acknowledged) {
        errors[outcome] = (errors[outcome] ?? 0) + 1;
        return;
      }
      ackIds.push(id);
      if (doneMs >= fromMs && doneMs < toMs) latencies.push(doneMs - startedMs);
    },
    summary() {
      const sorted = Float64Array.from(latencies).sort();
      return {
        ackPerSecond: (latencies.length * 1000) / (toMs - fromMs),
        p50Ms: percentile(sorted, 0.5),
        p99Ms: percentile(sorted, 0.99),
        maxMs: sorted.length ? sorted[sorted.length - 1]! : Number.NaN,
        errors,
        ackIds,
      };
    },
  };
}
