import type { LoopDeps } from './closed-loop';
import type { KeepAliveConnection } from './keep-alive-connection';
import type { Outcome } from './load-recorder';
import type { OpenLoopSchedule } from './open-loop-schedule';

/**
 * Open loop, the latency mode: requests go out on `schedule` whatever the
 * server's pace, each on the connection free longest (so they rotate over
 * every instance). A request that finds no free connection waits, and its
 * latency counts from when it was due. Requests unanswered `drainMs` after the
 * last was due are dropped as timeouts; those never sent count as `unsent`.
 */
export async function runOpenLoop({ connections, nextRequest, recorder, now }: LoopDeps, schedule: OpenLoopSchedule, { drainMs }: { drainMs: number }): Promise<void> {
  const free: KeepAliveConnection[] = [...connections];
  let sent = 0;
  let settled = 0;
  let timedOut = false;
  let finished: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (finished = resolve));

  const send = async (connection: KeepAliveConnection, i: number) => {
    const { id, bytes } = nextRequest();
    let outcome: Outcome;
    try {
      outcome = await connection.request(bytes);
    } catch {
      outcome = timedOut ? 'timeout' : 'socket';
    }
    recorder.record(id, schedule.scheduledAt(i), now(), outcome);
    settled++;
    free.push(connection);
    dispatch();
  };
  function dispatch(): void {
    const due = schedule.dueBy(now());
    while (!timedOut && sent < due && free.length > 0) void send(free.shift()!, sent++);
    if (settled === schedule.total) finished();
  }

  // setTimeout's 1 ms floor (often 1.1 ms) delays sends by up to a tick; that delay is charged to latency, as it should be.
  const ticker = setInterval(() => (sent < schedule.total ? dispatch() : clearInterval(ticker)), 1);
  dispatch();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, Math.max(0, schedule.scheduledAt(schedule.total) + drainMs - now()))));
  await Promise.race([done, deadline]);
  clearInterval(ticker);
  clearTimeout(timer);
  if (settled < schedule.total) {
    timedOut = true;
    for (let i = sent; i < schedule.total; i++) recorder.record('', schedule.scheduledAt(i), now(), 'unsent');
    for (const connection of connections) connection.close();
    // The closed connections' rejections record the in-flight requests as timeouts (a second at most).
    for (const giveUp = now() + 1000; settled < sent && now() < giveUp; ) await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
