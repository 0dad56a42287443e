import { Hono } from 'hono';
import { jsonResponse } from './json-response';

export interface HealthDeps {
  /** True when the database answers and every migration is applied (the store's `ready()`). */
  ready(): Promise<boolean>;
  /** Aborted once the proxy is shutting down; default: never. */
  shutdown?: AbortSignal;
  /** Longest wait for `ready()`; a database that does not answer in time is not ready. Default 2 s. */
  readyTimeoutMs?: number;
}

/** A probe must see the live answer, never a cached one. */
const NO_STORE = { 'Cache-Control': 'no-store' };

/**
 * `GET /healthz` (liveness) and `GET /readyz` (readiness), for a load
 * balancer or an orchestrator. `/healthz` is 200 while the process answers,
 * also while it shuts down: a liveness check that failed during the drain
 * would get the proxy killed mid-drain. `/readyz` is 503 once shutdown begins
 * (send no more traffic here) and whenever the database does not answer or
 * lacks a migration, else 200.
 *
 * @example
 * app.route('/', healthRoutes({ ready: () => store.ready(), shutdown: controller.signal }));
 */
export function healthRoutes(deps: HealthDeps): Hono {
  const app = new Hono();
  app.get('/healthz', () => jsonResponse({ status: 'ok' }, 200, NO_STORE));
  app.get('/readyz', async () => {
    if (deps.shutdown?.aborted) return jsonResponse({ status: 'shutting_down' }, 503, NO_STORE);
    if (!(await withinTime(deps.ready(), deps.readyTimeoutMs ?? 2000))) return jsonResponse({ status: 'database_unavailable' }, 503, NO_STORE);
    return jsonResponse({ status: 'ready' }, 200, NO_STORE);
  });
  return app;
}

/** A probe has its own timeout, usually a few seconds: an unreachable host must answer 503 before it. */
async function withinTime(ready: Promise<boolean>, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([ready.catch(() => false), late]);
  } finally {
    clearTimeout(timer);
  }
}
