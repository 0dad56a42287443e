/**
 * The load generator's process (forked by fork-load.ts), so it never shares an
 * event loop with the server it measures. Takes one LoadPlan over IPC, runs it
 * against 127.0.0.1, and answers with LoadMessages: the edges of the measured
 * window as they pass (the parent samples CPU there), then the result.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { runClosedLoop, type BenchRequest } from './closed-loop';
import { openKeepAliveConnection } from './keep-alive-connection';
import type { LoadMessage, LoadPlan } from './load-plan';
import { createLoadRecorder } from './load-recorder';
import { runOpenLoop } from './open-loop';
import { openLoopSchedule } from './open-loop-schedule';
import { responseBody } from './response-body';
import { roundRobin } from './round-robin';

const tell = (message: LoadMessage, then?: () => void) => process.send?.(message, undefined, {}, () => then?.());

process.once('message', (plan: LoadPlan) => {
  run(plan).catch((error: unknown) => {
    tell({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }, () => process.disconnect?.());
  });
});

async function run(plan: LoadPlan): Promise<void> {
  const now = () => performance.now();
  const connections = roundRobin(plan.connections, plan.ports).map(openKeepAliveConnection);
  let n = 0;
  const nextRequest = (): BenchRequest => {
    const id = randomUUID();
    const body = JSON.stringify(responseBody(id, n++, new Date().toISOString()));
    const head = `POST /v1/responses HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`;
    return { id, bytes: Buffer.from(head + body) };
  };

  const startMs = now();
  const fromMs = startMs + plan.warmupMs;
  const toMs = fromMs + plan.durationMs;
  const recorder = createLoadRecorder({ fromMs, toMs });
  let cpuAtStart = process.cpuUsage();
  const windowStart = setTimeout(() => {
    cpuAtStart = process.cpuUsage();
    tell({ type: 'window-start' });
  }, plan.warmupMs);
  let generatorCores = Number.NaN;
  let endWindow: () => void = () => undefined;
  const windowEnded = new Promise<void>((resolve) => (endWindow = resolve));
  const windowEnd = setTimeout(() => {
    const used = process.cpuUsage(cpuAtStart);
    generatorCores = (used.user + used.system) / 1000 / plan.durationMs;
    tell({ type: 'window-end' });
    endWindow();
  }, plan.warmupMs + plan.durationMs);

  try {
    const deps = { connections, nextRequest, recorder, now };
    if (plan.mode === 'closed') {
      await runClosedLoop(deps, { endMs: toMs, drainMs: plan.drainMs });
    } else {
      const schedule = openLoopSchedule({ startMs, ratePerSecond: plan.ratePerSecond ?? 1000, durationMs: plan.warmupMs + plan.durationMs });
      await runOpenLoop(deps, schedule, { drainMs: plan.drainMs });
    }
    // An open loop's last answer can come a hair before the window's end; the CPU sample must still close there.
    await windowEnded;
  } finally {
    clearTimeout(windowStart);
    clearTimeout(windowEnd);
    for (const connection of connections) connection.close();
  }
  // Disconnecting only once the result is written lets the process end with nothing cut short.
  tell({ type: 'result', result: { ...recorder.summary(), generatorCores } }, () => process.disconnect?.());
}
