import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { DashboardDeps, SessionVariables } from '../dashboard-deps';
import { responseSummaryJson } from '../json/response-summary-json';
import { liveSession } from '../require-session';

/** At most this many new responses per look; a burst larger than that arrives over the next looks. */
const BATCH = 100;
/** A comment line this often keeps proxies and load balancers from closing an idle stream. */
const PING_MS = 25_000;
/** How often the stream checks its session still stands: sign-out or a revoked token ends it. */
const RECHECK_MS = 30_000;

/**
 * `GET /events`: server-sent events, one `response` event per response the org
 * stores from now on. It reads the database by id (not an in-process signal),
 * so a response stored by another proxy instance on the same database arrives
 * too, and an event's `id` lets EventSource's reconnection resume after the
 * last one it saw (`Last-Event-ID`), losing none. The stream ends when the
 * proxy shuts down (`deps.shutdown`), so it never holds a shutdown open; the
 * browser then reconnects, to another instance or to this one restarted.
 */
export function eventsRoute(deps: DashboardDeps): Hono<{ Variables: SessionVariables }> {
  const app = new Hono<{ Variables: SessionVariables }>();
  const pollMs = deps.eventsPollMs ?? 1000;
  app.get('/events', (c) => {
    const org = c.get('org');
    const resumeFrom = Number(c.req.header('Last-Event-ID'));
    c.header('Cache-Control', 'no-store');
    c.header('X-Accel-Buffering', 'no');
    return streamSSE(c, async (stream) => {
      let lastId = Number.isSafeInteger(resumeFrom) && resumeFrom > 0 ? resumeFrom : await deps.store.browse.lastId(org);
      let sincePing = 0;
      let sinceCheck = 0;
      await stream.writeSSE({ event: 'ready', data: '{}', retry: 3000 });
      while (!stream.aborted && !stream.closed && !deps.shutdown?.aborted) {
        const rows = await deps.store.browse.newerThan(org, lastId, BATCH);
        for (const row of rows) {
          await stream.writeSSE({ event: 'response', id: String(row.id), data: JSON.stringify(responseSummaryJson(row, deps.catalog.byId(org, row.survey_id))) });
          lastId = row.id;
        }
        if (rows.length === BATCH) continue;
        sincePing += pollMs;
        sinceCheck += pollMs;
        if (sinceCheck >= RECHECK_MS) {
          if (!(await liveSession(deps.store.sessions, deps.tokenHashLookup, c.get('sessionSecret'), deps.now()))) break;
          sinceCheck = 0;
        }
        if (sincePing >= PING_MS) {
          await stream.write(': ping\n\n');
          sincePing = 0;
        }
        await pause(pollMs, deps.shutdown);
      }
    });
  });
  return app;
}

/** Sleeps `ms`, or less if `signal` aborts first. */
function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
