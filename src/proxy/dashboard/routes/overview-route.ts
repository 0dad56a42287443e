import { Hono } from 'hono';
import { OverviewQuerySchema } from '../../../shared/dashboard/dashboard-query';
import type { OverviewJson } from '../../../shared/dashboard/dashboard-replies';
import { csatResult } from '../../../shared/metrics/csat';
import { npsResult } from '../../../shared/metrics/nps';
import { validationFailed } from '../../api/api-errors';
import { jsonResponse } from '../../json-response';
import type { DashboardDeps, SessionVariables } from '../dashboard-deps';
import { scoreJson } from '../json/score-json';
import { addTotals, emptyTotals } from '../json/stat-sums';
import { trendJson } from '../json/trend-json';
import { parseQuery } from '../parse-query';
import { viewContext } from '../view-context';

/**
 * `GET /overview`: responses, NPS and CSAT over the days and the days before,
 * every rating question's distribution, and the trend. NPS and CSAT come from
 * the v1 API's own rating counts (`store.ratings`, what `/nps` and `/csat`
 * answer), so the dashboard and the API never disagree; counts per day and per
 * question come from the daily rollups.
 */
export function overviewRoute(deps: DashboardDeps): Hono<{ Variables: SessionVariables }> {
  const app = new Hono<{ Variables: SessionVariables }>();
  app.get('/overview', async (c) => {
    const parsed = parseQuery(new URL(c.req.url), OverviewQuerySchema);
    if (!parsed.ok) return validationFailed(parsed.errors);
    const view = viewContext(c, deps, parsed.value);
    if (view instanceof Response) return view;
    const { org, current, previous, surveyIds } = view;
    const filter = { surveyIds };
    const [daily, previousCount, scores, nps, csat, previousNps, previousCsat] = await Promise.all([
      deps.store.stats.daily(org, current, surveyIds),
      deps.store.stats.count(org, previous, surveyIds),
      deps.store.stats.scores(org, current, surveyIds),
      deps.store.ratings.counts(org, 'nps', current, filter),
      deps.store.ratings.counts(org, 'csat', current, filter),
      deps.store.ratings.counts(org, 'nps', previous, filter),
      deps.store.ratings.counts(org, 'csat', previous, filter),
    ]);
    const body: OverviewJson = {
      range: rangeJson(current),
      previous: rangeJson(previous),
      responses: { count: daily.reduce((acc, d) => addTotals(acc, d.totals), emptyTotals()).responses, previous: previousCount },
      nps: { ...npsResult(nps), previous_score: npsResult(previousNps).net_promoter_score },
      csat: { ...csatResult(csat), previous_score: csatResult(previousCsat).csat },
      scores: scoreJson(view.surveys, scores),
      trend: { bucket: parsed.value.bucket, points: trendJson(daily, current.first, current.last, parsed.value.bucket) },
    };
    return jsonResponse(body);
  });
  return app;
}

export function rangeJson(span: { first: string; last: string; from: Date; to: Date }) {
  return { first: span.first, last: span.last, from: span.from.toISOString(), to: span.to.toISOString() };
}
