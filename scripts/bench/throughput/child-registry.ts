import type { ChildProcess } from 'node:child_process';

/** The processes this bench started, so every exit path (Ctrl-C included) can end them, and only them. */
export interface ChildRegistry {
  /** Remembers `child` until it exits; returns it. */
  track<T extends ChildProcess>(child: T): T;
  /** SIGKILLs every tracked child still running, each by its own pid. */
  killAll(): void;
}

/** An empty registry; `track` each child as it is spawned. */
export function createChildRegistry(): ChildRegistry {
  const running = new Set<ChildProcess>();
  return {
    track(child) {
      running.add(child);
      child.once('exit', () => running.delete(child));
      return child;
    },
    killAll() {
      for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      running.clear();
    },
  };
}
