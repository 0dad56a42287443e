/** A reply read to the end, as a client would read it. */
export interface Reply {
  status: number;
  headers: Headers;
  text: string;
}

export interface Timing {
  p50: number;
  p99: number;
  runs: number;
}

export interface MeasureOptions {
  warmup: number;
  runs: number;
}

/**
 * Times `send` one request after another: the clock runs from the call until
 * the body has been read. Every reply, warm-up ones included, is checked
 * after its clock stops; the first problem ends the run and is returned
 * instead of a timing, since a fast wrong answer measures nothing.
 */
export async function measure(
  send: () => Promise<Response> | Response,
  check: (reply: Reply) => string | undefined,
  { warmup, runs }: MeasureOptions,
): Promise<Timing | { problem: string }> {
  const samples: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const started = performance.now();
    const response = await send();
    const text = await response.text();
    const elapsed = performance.now() - started;
    const problem = response.status === 200 ? check({ status: response.status, headers: response.headers, text }) : `status ${response.status}: ${text.slice(0, 300)}`;
    if (problem) return { problem };
    if (i >= warmup) samples.push(elapsed);
  }
  return { p50: percentile(samples, 50), p99: percentile(samples, 99), runs };
}

/**
 * The nearest-rank percentile: the smallest sample with at least `p`% of the
 * samples at or below it. With 200 samples, p99 is the second slowest.
 *
 * @example
 * percentile([4, 1, 3, 2], 50) // 2
 */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}
