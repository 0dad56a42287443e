import { Hono } from 'hono';
import { ResponseListQuerySchema } from '../../../shared/dashboard/dashboard-query';
import type { ResponseListJson } from '../../../shared/dashboard/dashboard-replies';
import { notFound, validationFailed } from '../../api/api-errors';
import { feedbackRequestJson } from '../../api/json/feedback-request-json';
import { jsonResponse } from '../../json-response';
import { fieldError } from '../../validation-error';
import { browseFilter, countableByRollup, decodeCursor, encodeCursor } from '../browse-filter';
import type { DashboardDeps, SessionVariables } from '../dashboard-deps';
import { responseDetailJson } from '../json/response-detail-json';
import { responseSummaryJson } from '../json/response-summary-json';
import { parseQuery } from '../parse-query';
import { viewContext } from '../view-context';

/**
 * `GET /responses`: newest first, keyset-paged (a cursor, never an offset, so
 * page 400 costs what page 1 does); `GET /responses/:id`: one in full.
 */
export function responsesRoutes(deps: DashboardDeps): Hono<{ Variables: SessionVariables }> {
  const app = new Hono<{ Variables: SessionVariables }>();
  app.get('/responses', async (c) => {
    const parsed = parseQuery(new URL(c.req.url), ResponseListQuerySchema);
    if (!parsed.ok) return validationFailed(parsed.errors);
    const query = parsed.value;
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    if (query.cursor !== undefined && !after) return validationFailed([fieldError('cursor', 'invalid_value', { message: 'use the next_cursor of a previous page' })]);
    const view = viewContext(c, deps, query);
    if (view instanceof Response) return view;
    const filter = browseFilter(view.org, query, view.current);
    const segment = filter.segments?.[0];
    const [rows, total] = await Promise.all([
      deps.store.browse.page(filter, query.limit + 1, after),
      countableByRollup(filter) ? deps.store.stats.count(view.org, view.current, view.surveyIds, segment) : Promise.resolve(null),
    ]);
    const shown = rows.slice(0, query.limit);
    const last = shown[shown.length - 1];
    const body: ResponseListJson = {
      items: shown.map((row) => responseSummaryJson(row, deps.catalog.byId(row.org, row.survey_id))),
      next_cursor: rows.length > query.limit && last ? encodeCursor({ submitted_utc: last.submitted_utc, id: last.id }) : null,
      total,
    };
    return jsonResponse(body);
  });

  app.get('/responses/:id{[1-9][0-9]{0,15}}', async (c) => {
    const org = c.get('org');
    const row = await deps.store.responses.find(org, Number(c.req.param('id')));
    if (!row) return notFound('No such response');
    const request = row.feedback_request_id === null ? undefined : await deps.store.feedbackRequests.find(org, row.feedback_request_id);
    const base = deps.publicUrl ?? new URL(c.req.url).origin;
    return jsonResponse(responseDetailJson(row, deps.catalog.byId(org, row.survey_id), deps.orgSettings.linkPatterns(org), request ? feedbackRequestJson(request, base) : null));
  });
  return app;
}
