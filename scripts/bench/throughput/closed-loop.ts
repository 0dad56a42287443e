import type { KeepAliveConnection } from './keep-alive-connection';
import type { LoadRecorder, Outcome } from './load-recorder';

/** A request ready to write: its id (to check it was stored) and its bytes. */
export interface BenchRequest {
  id: string;
  bytes: Buffer;
}

/** What both loops drive: the connections, the requests to send, where outcomes go, and the clock. */
export interface LoopDeps {
  connections: readonly KeepAliveConnection[];
  nextRequest: () => BenchRequest;
  recorder: LoadRecorder;
  /** Monotonic milliseconds (performance.now in the generator). */
  now: () => number;
}

/**
 * Closed loop, the maximum-throughput mode: each connection sends its next
 * request as soon as the last one is answered, until `endMs`. Requests still
 * unanswered `drainMs` later are dropped and count as timeouts.
 */
export async function runClosedLoop({ connections, nextRequest, recorder, now }: LoopDeps, { endMs, drainMs }: { endMs: number; drainMs: number }): Promise<void> {
  let timedOut = false;
  const loop = async (connection: KeepAliveConnection) => {
    while (now() < endMs && !timedOut) {
      const { id, bytes } = nextRequest();
      const started = now();
      let outcome: Outcome;
      try {
        outcome = await connection.request(bytes);
      } catch {
        outcome = timedOut ? 'timeout' : 'socket';
        // A refused or reset connection fails at once; without a pause this loop would spin the generator's CPU.
        if (!timedOut) await new Promise((resolve) => setTimeout(resolve, 10));
      }
      recorder.record(id, started, now(), outcome);
    }
  };
  const all = Promise.all(connections.map(loop));
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, Math.max(0, endMs + drainMs - now()))));
  await Promise.race([all, deadline]);
  clearTimeout(timer);
  timedOut = true;
  for (const connection of connections) connection.close();
  await all;
}
