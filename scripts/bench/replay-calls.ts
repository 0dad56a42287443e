import { mapLimit } from '../../src/proxy/workers/map-limit';
import type { RecordedCall } from '../../test/fakes/fake-server';

export interface Replay {
  /** Milliseconds each call took, reply read. */
  callMs: number[];
  /** From the first call sent to the last answered. */
  wallMs: number;
  /** Calls answered with another status than the first time (the fake refused a replay), if any. */
  changed: number;
}

/** Headers that make the call what it was; the rest (host, length, keep-alive) are the client's own. */
const KEPT = ['authorization', 'content-type', 'accept'];

/**
 * Sends `calls` (as a fake recorded them from the proxy) to `url` again,
 * straight, `concurrency` at a time in their recorded order: the same bodies
 * and credentials, without the proxy. What the system alone costs, so the
 * relay's own cost is the difference.
 */
export async function replayCalls(url: string, calls: readonly RecordedCall[], concurrency: number): Promise<Replay> {
  const callMs: number[] = [];
  let changed = 0;
  const started = performance.now();
  await mapLimit(calls, concurrency, async (call) => {
    const headers = Object.fromEntries(KEPT.flatMap((name) => (call.headers[name] ? [[name, call.headers[name]]] : [])));
    const sent = performance.now();
    const res = await fetch(`${url}${call.path}`, { method: call.method, headers, body: call.method === 'GET' ? undefined : call.body });
    await res.arrayBuffer();
    callMs.push(performance.now() - sent);
    if (res.status !== call.outcome) changed += 1;
  });
  return { callMs, wallMs: performance.now() - started, changed };
}
