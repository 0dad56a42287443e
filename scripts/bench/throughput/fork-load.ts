import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LoadMessage, LoadPlan, LoadResult } from './load-plan';
import type { ChildRegistry } from './child-registry';

const GENERATOR = fileURLToPath(new URL('./load-generator.ts', import.meta.url));

/** Called as the measured window opens and closes, to sample CPU around exactly those seconds. */
export interface WindowHooks {
  onWindowStart(): void | Promise<void>;
  onWindowEnd(): void | Promise<void>;
}

/**
 * Runs `plan` in a load generator process of its own and returns what it
 * measured. The process is killed if it outlives the plan by 30 s, and is in
 * `children` meanwhile so a Ctrl-C kills it too.
 */
export async function forkLoad(plan: LoadPlan, hooks: WindowHooks, children: ChildRegistry): Promise<LoadResult> {
  const child = children.track(fork(GENERATOR, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced' }));
  const limitMs = plan.warmupMs + plan.durationMs + plan.drainMs + 30_000;
  let hooksDone = Promise.resolve();
  let answered = false;
  try {
    return await new Promise<LoadResult>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the load generator ran past ${limitMs / 1000} s`)), limitMs);
      child.on('message', (message: LoadMessage) => {
        // Hooks run in order, and the result waits for them, so a late CPU sample never lands after the next run began.
        if (message.type === 'window-start') hooksDone = hooksDone.then(() => hooks.onWindowStart());
        else if (message.type === 'window-end') hooksDone = hooksDone.then(() => hooks.onWindowEnd());
        else if (message.type === 'failed') reject(new Error(`the load generator failed: ${message.message}`));
        else hooksDone.then(() => resolve(message.result), reject);
        if (message.type === 'result' || message.type === 'failed') {
          answered = true;
          clearTimeout(timer);
        }
      });
      // 'close', not 'exit': the exit can be seen before the last messages on the IPC channel are read.
      child.once('close', (code) => answered || reject(new Error(`the load generator exited (${code}) without a result`)));
      child.once('error', reject);
      child.send(plan);
    });
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}
