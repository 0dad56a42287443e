/** What the load generator is asked to do (sent to its process over IPC). */
export interface LoadPlan {
  /** `closed`: every connection sends its next request as soon as the last is answered. `open`: requests at a fixed rate. */
  mode: 'closed' | 'open';
  /** Ports of the instances under test; connections are spread over them round-robin. */
  ports: number[];
  connections: number;
  /** Open loop only: requests per second, the whole run through (warm-up included). */
  ratePerSecond?: number;
  /** Sent but not measured: lets the server's JIT, pools and caches settle. */
  warmupMs: number;
  /** The measured window, right after the warm-up. */
  durationMs: number;
  /** How long requests in flight at the end may take to be answered before they count as timeouts. */
  drainMs: number;
}

/** What one run measured: throughput and latency in the window, errors and acknowledgements over the whole run. */
export interface LoadSummary {
  /** Responses acknowledged (201 or 200) per second, counted by completion inside the measured window. */
  ackPerSecond: number;
  /** Latency of the acknowledged requests completed in the window, ms (open loop: from the scheduled send time). */
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Every answer that was not an acknowledgement, by status (`socket`, `timeout` and `unsent` for none), warm-up and drain included. */
  errors: Record<string, number>;
  /** Every id the server acknowledged, warm-up and drain included: each must be in the database afterwards. */
  ackIds: string[];
}

/** The load generator's own share of a core during the window (0.5 = half a core). */
export interface LoadResult extends LoadSummary {
  generatorCores: number;
}

/** Messages from the load generator's process: the window's edges (for CPU samples) and the result. */
export type LoadMessage = { type: 'window-start' } | { type: 'window-end' } | { type: 'result'; result: LoadResult } | { type: 'failed'; message: string };
