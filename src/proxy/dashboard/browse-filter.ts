import type { ResponseListQuery } from '../../shared/dashboard/dashboard-query';
import type { DaySpan } from '../../shared/periods/day-span';
import type { BrowseCursor, BrowseFilter } from '../store/browse-store';

/** The list's query and days as the store's filter. Pure. */
export function browseFilter(org: string, query: ResponseListQuery, span: DaySpan): BrowseFilter {
  const { score_scale: scale } = query;
  const top = scale === 'csat' ? 5 : 10;
  return {
    org,
    from: span.from.toISOString(),
    to: span.to.toISOString(),
    ...(query.survey_id !== undefined && { surveyIds: [query.survey_id] }),
    ...(query.segment.length > 0 && { segments: query.segment }),
    ...(scale && { score: { scale, min: query.score_min ?? 0, max: Math.min(query.score_max ?? top, top) } }),
    ...(query.q && { text: query.q.toLowerCase() }),
  };
}

/** Whether the rollups can count the filter exactly (no score or text, at most one segment). */
export function countableByRollup(filter: BrowseFilter): boolean {
  return !filter.score && !filter.text && (filter.segments?.length ?? 0) <= 1;
}

/** The next page's cursor: opaque to the page, base64url of the last row's sort key. */
export function encodeCursor(cursor: BrowseCursor): string {
  return Buffer.from(`${cursor.submitted_utc}|${cursor.id}`, 'utf8').toString('base64url');
}

/** A cursor from `encodeCursor`, or undefined for anything else (a 422, not a 500). */
export function decodeCursor(text: string): BrowseCursor | undefined {
  const decoded = Buffer.from(text, 'base64url').toString('utf8');
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)\|([1-9]\d{0,15})$/.exec(decoded);
  return match?.[1] && match[2] ? { submitted_utc: match[1], id: Number(match[2]) } : undefined;
}
