import { Hono } from 'hono';
import { LeagueQuerySchema } from '../../../shared/dashboard/dashboard-query';
import type { LeagueJson } from '../../../shared/dashboard/dashboard-replies';
import { validationFailed } from '../../api/api-errors';
import { jsonResponse } from '../../json-response';
import type { DashboardDeps, SessionVariables } from '../dashboard-deps';
import { leagueJson } from '../json/league-json';
import { memberLabels } from '../member-labels';
import { parseQuery } from '../parse-query';
import { viewContext } from '../view-context';
import { rangeJson } from './overview-route';

/** `GET /league`: NPS, CSAT and responses per site, staff member or custom segment value. */
export function leagueRoute(deps: DashboardDeps): Hono<{ Variables: SessionVariables }> {
  const app = new Hono<{ Variables: SessionVariables }>();
  const labels = memberLabels(deps.store);
  app.get('/league', async (c) => {
    const parsed = parseQuery(new URL(c.req.url), LeagueQuerySchema);
    if (!parsed.ok) return validationFailed(parsed.errors);
    const view = viewContext(c, deps, parsed.value);
    if (view instanceof Response) return view;
    const { dimension, min_responses: minResponses } = parsed.value;
    const [members, label] = await Promise.all([deps.store.stats.league(view.org, dimension, view.current, view.surveyIds), labels(view.org, dimension)]);
    const body: LeagueJson = { range: rangeJson(view.current), dimension, min_responses: minResponses, ...leagueJson(members, label, minResponses) };
    return jsonResponse(body);
  });
  return app;
}
