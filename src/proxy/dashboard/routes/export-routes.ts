import { Hono, type Context } from 'hono';
import { ResponseListQuerySchema } from '../../../shared/dashboard/dashboard-query';
import { validationFailed } from '../../api/api-errors';
import type { BrowseFilter } from '../../store/browse-store';
import type { ResponseRow } from '../../store/response-rows';
import { browseFilter } from '../browse-filter';
import type { DashboardDeps, SessionVariables } from '../dashboard-deps';
import { csvColumns, csvHeader, csvLine } from '../export/csv-export';
import { textStream } from '../export/text-stream';
import { responseDetailJson } from '../json/response-detail-json';
import { dimensionOrder } from '../member-labels';
import { parseQuery } from '../parse-query';
import { viewContext, type ViewContext } from '../view-context';

/**
 * `GET /export.csv` and `GET /export.json`: every response the list's filter
 * matches, newest first, streamed as the client reads (the store reads in keyset
 * chunks), so a million rows never sit in memory on either side.
 */
export function exportRoutes(deps: DashboardDeps): Hono<{ Variables: SessionVariables }> {
  const app = new Hono<{ Variables: SessionVariables }>();
  for (const format of ['csv', 'json'] as const) app.get(`/export.${format}`, (c) => exportOf(c, format));
  const exportOf = async (c: Context<{ Variables: SessionVariables }>, format: 'csv' | 'json') => {
    const parsed = parseQuery(new URL(c.req.url), ResponseListQuerySchema);
    if (!parsed.ok) return validationFailed(parsed.errors);
    const view = viewContext(c, deps, parsed.value);
    if (view instanceof Response) return view;
    const filter = browseFilter(view.org, parsed.value, view.current);
    const lines = format === 'csv' ? await csvLines(deps, view, filter) : jsonLines(deps, view, filter);
    const name = `responses-${view.org}-${view.current.first}-to-${view.current.last}.${format}`;
    return new Response(textStream(lines), {
      headers: {
        'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
        'Content-Disposition': `attachment; filename="${name}"`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  };
  return app;
}

async function csvLines(deps: DashboardDeps, view: ViewContext, filter: BrowseFilter): Promise<AsyncIterable<string>> {
  const segmentKeys = [...new Set(['site_code', 'staff_code', ...(await deps.store.stats.dimensions(view.org))])].sort(dimensionOrder);
  const columns = csvColumns(view.surveys, segmentKeys);
  const rows = deps.store.browse.each(filter);
  return (async function* () {
    yield csvHeader(columns);
    for await (const row of rows) yield csvLine(row, columns);
  })();
}

function jsonLines(deps: DashboardDeps, view: ViewContext, filter: BrowseFilter): AsyncIterable<string> {
  const patterns = deps.orgSettings.linkPatterns(view.org);
  const item = (row: ResponseRow) => {
    const { feedback_request: _none, ...detail } = responseDetailJson(row, deps.catalog.byId(view.org, row.survey_id), patterns, null);
    return JSON.stringify({ ...detail, feedback_request_id: row.feedback_request_id });
  };
  const rows = deps.store.browse.each(filter);
  return (async function* () {
    yield '[';
    let first = true;
    for await (const row of rows) {
      yield `${first ? '\n' : ',\n'}${item(row)}`;
      first = false;
    }
    yield '\n]\n';
  })();
}
