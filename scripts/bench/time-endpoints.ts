import type { TableRow } from './bench-table';
import { measure, type MeasureOptions, type Reply } from './measure';

/** One timed request of a bench: where, how its reply is checked, and its target (none for a baseline). */
export interface TimedEndpoint {
  path: string;
  check: (reply: Reply) => string | undefined;
  targetMs?: number;
}

/**
 * Times each endpoint with `measure` and returns the table rows (endpoint, p50, p99, target,
 * verdict: PASS when p99 is within target) and how many answered wrongly, each reported on stderr.
 */
export async function timeEndpoints<E extends TimedEndpoint>(
  endpoints: readonly E[],
  send: (endpoint: E) => Promise<Response> | Response,
  options: MeasureOptions & { digits: number; label?: (endpoint: E) => string },
): Promise<{ rows: TableRow[]; wrong: number }> {
  const rows: TableRow[] = [['endpoint', 'p50 ms', 'p99 ms', 'target', 'verdict']];
  let wrong = 0;
  for (const endpoint of endpoints) {
    const timing = await measure(() => send(endpoint), endpoint.check, options);
    const label = options.label?.(endpoint) ?? `GET ${decodeURIComponent(endpoint.path)}`;
    const target = endpoint.targetMs === undefined ? '-' : `≤ ${endpoint.targetMs} ms`;
    if ('problem' in timing) {
      wrong++;
      console.error(`WRONG REPLY ${label}: ${timing.problem}`);
      rows.push([label, '-', '-', target, 'ERROR']);
      continue;
    }
    const verdict = endpoint.targetMs === undefined ? 'baseline' : timing.p99 <= endpoint.targetMs ? 'PASS' : 'FAIL';
    rows.push([label, timing.p50.toFixed(options.digits), timing.p99.toFixed(options.digits), target, verdict]);
  }
  return { rows, wrong };
}
