import type { IncomingMessage, ServerResponse } from 'node:http';

/** The parts of a `node:http` server a shutdown drives; a fake in tests. */
export interface DrainableServer {
  /** Stops accepting; calls back once every connection has closed. */
  close(callback?: (error?: Error) => void): unknown;
  closeIdleConnections(): void;
  closeAllConnections(): void;
  on(event: 'request', listener: (request: IncomingMessage, response: ServerResponse) => void): unknown;
}

export interface ShutdownParts {
  server: DrainableServer;
  /** Aborted the moment shutdown begins: long-lived streams end, `/readyz` answers 503. Made before the app, which reads its signal. */
  begun: AbortController;
  /** Stops claiming jobs; resolves once the jobs in hand are settled. */
  stopWorkers(): Promise<void>;
  /** Closes the database once nothing writes any more (pending writes land first). */
  closeStore(): Promise<void>;
  /** How long in-flight requests and jobs in hand may take before connections are cut. */
  graceMs: number;
  log(line: string): void;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export interface GracefulShutdown {
  /**
   * Stops the proxy: no new connections, in-flight requests finish (at most
   * `graceMs`, then their connections are cut), workers settle their jobs,
   * the database closes. Resolves true once the database closed cleanly,
   * even if the grace ran out: a cut request was never acknowledged, and a
   * job left in hand is claimed again. Runs once; later calls share the first.
   */
  run(reason: string): Promise<boolean>;
}

/** How often idle keep-alive connections are closed while requests drain. */
const SWEEP_MS = 50;

/**
 * The proxy's shutdown on SIGTERM or SIGINT, with the server, workers and
 * store injected. Node's `server.close()` alone is not enough: it leaves a
 * keep-alive connection open for seconds after its last response, and never
 * finishes while a dashboard's event stream is open; so idle connections are
 * swept, responses still to start say `Connection: close`, streams end on
 * `signal`, and after the grace whatever is left is cut.
 *
 * @example
 * const shutdown = createGracefulShutdown({ server, begun, stopWorkers: workers.stop, closeStore: store.close, graceMs: 8000, log: console.log });
 * process.once('SIGTERM', () => void shutdown.run('SIGTERM').then((clean) => process.exit(clean ? 0 : 1)));
 */
export function createGracefulShutdown(parts: ShutdownParts): GracefulShutdown {
  const { server, graceMs, log } = parts;
  const setTimer = parts.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = parts.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  const controller = parts.begun;
  // Responses still to start when shutdown begins tell their client to reconnect elsewhere.
  const open = new Set<ServerResponse>();
  server.on('request', (_request, response) => {
    if (controller.signal.aborted) response.setHeader('Connection', 'close');
    open.add(response);
    response.once('close', () => open.delete(response));
  });
  let running: Promise<boolean> | undefined;

  const drainRequests = (): Promise<boolean> =>
    new Promise((resolve) => {
      let cut = false;
      let closed = false;
      let sweeper: unknown;
      const sweep = () => {
        if (closed) return;
        server.closeIdleConnections();
        sweeper = setTimer(sweep, SWEEP_MS);
      };
      const deadline = setTimer(() => {
        cut = true;
        log(`[survey-proxy] shutdown: ${open.size} request(s) still open after ${graceMs / 1000} s, closing their connections`);
        server.closeAllConnections();
      }, graceMs);
      server.close(() => {
        closed = true;
        clearTimer(deadline);
        clearTimer(sweeper);
        resolve(!cut);
      });
      for (const response of open) if (!response.headersSent) response.setHeader('Connection', 'close');
      sweep();
    });

  const stopWorkers = (): Promise<boolean> => {
    let timer: unknown;
    const late = new Promise<false>((resolve) => (timer = setTimer(() => resolve(false), graceMs)));
    const settled = parts.stopWorkers().then(
      () => true,
      (error: unknown) => {
        log(`[survey-proxy] shutdown: stopping the workers failed: ${error instanceof Error ? error.message : String(error)}`);
        return false;
      },
    );
    return Promise.race([settled, late]).finally(() => clearTimer(timer));
  };

  async function shutDown(reason: string): Promise<boolean> {
    controller.abort();
    const requests = drainRequests().then((clean) => clean && log('[survey-proxy] shutdown: in-flight requests finished, every connection closed'));
    const workers = stopWorkers().then((clean) =>
      // A job left in hand is not lost: its lease runs out and a worker claims it again.
      log(clean ? '[survey-proxy] shutdown: workers stopped, jobs in hand settled' : '[survey-proxy] shutdown: workers still busy after the grace; their jobs return to the queue when their leases end'),
    );
    // Only now: the listening socket closed inside server.close(), so the line is true when it is read.
    log(`[survey-proxy] ${reason}: shutting down; no new connections, in-flight requests and jobs have ${graceMs / 1000} s`);
    await Promise.all([requests, workers]);
    try {
      await parts.closeStore();
      log('[survey-proxy] shutdown: database closed');
    } catch (error) {
      log(`[survey-proxy] shutdown: closing the database failed: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
    return true;
  }

  return { run: (reason) => (running ??= shutDown(reason)) };
}

/**
 * `SHUTDOWN_GRACE_SECONDS` in milliseconds. Default 8 s: under `docker
 * stop`'s 10 s (Kubernetes gives 30), so what is left is cut and the
 * database closed before the runtime's SIGKILL would cut it all.
 */
export function readShutdownGraceMs(env: Record<string, string | undefined>): number {
  const raw = env.SHUTDOWN_GRACE_SECONDS?.trim();
  if (!raw) return 8_000;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds < 0 || seconds > 3600) throw new Error(`SHUTDOWN_GRACE_SECONDS must be a number from 0 to 3600, got "${raw}"`);
  return seconds * 1000;
}
