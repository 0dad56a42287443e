import { Hono } from 'hono';
import { errorResponse } from '../json-response';
import type { DashboardDeps, SessionVariables } from './dashboard-deps';
import { dashboardPage } from './dashboard-page';
import { requireSession } from './require-session';
import { eventsRoute } from './routes/events-route';
import { exportRoutes } from './routes/export-routes';
import { invitationsRoutes } from './routes/invitations-routes';
import { leagueRoute } from './routes/league-route';
import { meRoute } from './routes/me-route';
import { overviewRoute } from './routes/overview-route';
import { responsesRoutes } from './routes/responses-routes';
import { sessionRoutes } from './routes/session-routes';

/**
 * The results dashboard: its page and assets, and its JSON API under
 * `/dashboard/api` (the session routes open; every other behind the session
 * cookie). Reads through the same store and metrics as the v1 API.
 */
export function dashboardRoutes(deps: DashboardDeps): Hono {
  const api = new Hono<{ Variables: SessionVariables }>();
  api.route('/', sessionRoutes(deps));
  api.use('*', requireSession(deps.store.sessions, deps.tokenHashLookup, deps.now));
  for (const routes of [meRoute, overviewRoute, leagueRoute, responsesRoutes, invitationsRoutes, exportRoutes, eventsRoute]) api.route('/', routes(deps));
  api.all('*', () => errorResponse(404, 'Not found'));

  const app = new Hono();
  app.route('/dashboard/api', api);
  app.route('/', dashboardPage(deps.dashboardDir));
  return app;
}
