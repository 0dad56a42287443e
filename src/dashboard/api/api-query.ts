import { writeList, writeShared } from '../routing/filter-params';
import type { LeagueRoute, OverviewRoute, ResponsesRoute, InvitationsRoute } from '../routing/route';

/*
 * The API query behind each view, from its route. The period is always sent,
 * even the default, so the server and the page never disagree about it.
 */

/** `GET /overview` */
export function overviewQuery(route: Pick<OverviewRoute, 'filters' | 'bucket'>): URLSearchParams {
  const params = writeShared(new URLSearchParams(), route.filters, true);
  params.set('bucket', route.bucket);
  return params;
}

/** `GET /league` */
export function leagueQuery(route: Pick<LeagueRoute, 'filters' | 'dimension' | 'minResponses'>): URLSearchParams {
  const params = writeShared(new URLSearchParams(), route.filters, true);
  params.set('dimension', route.dimension);
  params.set('min_responses', String(route.minResponses));
  return params;
}

/** The list filters alone: the exports take these (no cursor, no limit). */
export function exportQuery(route: Pick<ResponsesRoute, 'filters' | 'list'>): URLSearchParams {
  return writeList(writeShared(new URLSearchParams(), route.filters, true), route.list);
}

/** `GET /responses`: a page of 25 from `cursor`. */
export function responsesQuery(route: Pick<ResponsesRoute, 'filters' | 'list' | 'cursor'>, limit = 25): URLSearchParams {
  const params = exportQuery(route);
  if (route.cursor) params.set('cursor', route.cursor);
  params.set('limit', String(limit));
  return params;
}

/** `GET /invitations` */
export function invitationsQuery(route: Pick<InvitationsRoute, 'state' | 'page'>, limit = 25): URLSearchParams {
  const params = new URLSearchParams();
  if (route.state) params.set('state', route.state);
  params.set('page', String(route.page));
  params.set('limit', String(limit));
  return params;
}
