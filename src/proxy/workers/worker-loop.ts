import type { JobRow, JobStore } from '../store/job-store';
import type { JobKind } from '../store/tables';

export interface WorkerLoopOptions {
  jobs: JobStore;
  kinds: readonly JobKind[];
  /** This worker's name in the leases it takes (unique per process). */
  owner: string;
  /** How long a claimed job stays this worker's; past it, another worker may claim it again. */
  leaseMs: number;
  /** Most jobs claimed at once (Critizr's bulk call takes up to 1,000). */
  batch: number;
  now: () => Date;
  /** Runs one claimed batch; settles each job (finish or retry) through the store. Should not throw. */
  run(jobs: JobRow[]): Promise<void>;
  /** Longest sleep between looks at the queue, so jobs added by another process are seen. */
  pollMs?: number;
  log?: (message: string) => void;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export interface WorkerLoop {
  start(): void;
  /** Look at the queue now (a job was just added in this process). */
  wake(): void;
  /** Stops claiming; resolves once the batch in hand is settled. */
  stop(): Promise<void>;
  /** Resolves when nothing of `kinds` is due now and no batch is in hand (for tests and the bench). */
  idle(): Promise<void>;
}

/**
 * A worker: claim due jobs, run them, record the outcome, sleep until the
 * next one is due or `wake()` is called. The schedule lives in the jobs'
 * `due_at`, not in timers, so a restart picks up exactly where it stopped.
 *
 * @example
 * const loop = createWorkerLoop({ jobs: store.jobs, kinds: ['relay'], owner: 'relay-1', leaseMs: 600_000, batch: 1000, now: () => new Date(), run });
 * loop.start();
 */
export function createWorkerLoop(options: WorkerLoopOptions): WorkerLoop {
  const { jobs, kinds, owner, leaseMs, batch, now, run } = options;
  const pollMs = options.pollMs ?? 1000;
  const log = options.log ?? console.error;
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>));
  let running = false;
  let timer: unknown;
  let wakeUp: (() => void) | undefined;
  let busy: Promise<void> = Promise.resolve();
  let idleWaiters: (() => void)[] = [];

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      wakeUp = resolve;
      timer = setTimer(resolve, Math.max(0, ms));
    }).finally(() => {
      clearTimer(timer);
      wakeUp = undefined;
    });

  async function turn(): Promise<number> {
    const claimed = await jobs.claim(kinds, owner, now(), leaseMs, batch);
    if (claimed.length) await run(claimed);
    return claimed.length;
  }

  async function loop(): Promise<void> {
    while (running) {
      let ran = 0;
      try {
        const work = turn();
        busy = work.then(() => undefined, () => undefined);
        ran = await work;
      } catch (error) {
        // A busy or unreachable database: nothing was claimed or the claim rolled back; look again soon.
        log(`[survey-proxy] ${owner}: ${(error as Error).message}`);
      }
      if (ran > 0 || !running) continue;
      for (const resolve of idleWaiters.splice(0)) resolve();
      const next = await jobs.nextDueAt(kinds).catch(() => undefined);
      const untilNext = next ? next.getTime() - now().getTime() : pollMs;
      await sleep(Math.min(pollMs, Math.max(untilNext, 5)));
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      void loop();
    },
    wake: () => wakeUp?.(),
    async stop() {
      running = false;
      wakeUp?.();
      await busy;
    },
    idle: () =>
      new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        wakeUp?.();
      }),
  };
}
