import type { TrendBucket } from '../../shared/dashboard/dashboard-query';
import { readList, readShared, wholeNumber, writeList, writeShared } from './filter-params';
import { DEFAULT_FILTERS, NO_LIST_FILTERS } from './filters';
import type { ListFilters, SharedFilters } from './filters';

export type InvitationState = 'pending' | 'sent' | 'not_sent';

/** Written here rather than imported: the shared list sits in a module that loads zod. */
export const INVITATION_STATES: readonly InvitationState[] = ['pending', 'sent', 'not_sent'];
export const TREND_BUCKETS: readonly TrendBucket[] = ['day', 'week', 'month'];

export interface OverviewRoute { view: 'overview'; filters: SharedFilters; bucket: TrendBucket }
export interface LeagueRoute { view: 'league'; filters: SharedFilters; dimension: string; minResponses: number }
export interface ResponsesRoute { view: 'responses'; filters: SharedFilters; list: ListFilters; cursor: string | null }
/** One response; carries the list's filters so its back link returns to the same list. */
export interface ResponseRoute extends Omit<ResponsesRoute, 'view'> { view: 'response'; id: number }
export interface InvitationsRoute { view: 'invitations'; state: InvitationState | null; page: number }
export interface InvitationRoute extends Omit<InvitationsRoute, 'view'> { view: 'invitation'; id: number }

/** Everything a dashboard URL can say; each view and filter is a `#/…` link, so Back works. */
export type Route = OverviewRoute | LeagueRoute | ResponsesRoute | ResponseRoute | InvitationsRoute | InvitationRoute;

export const DEFAULT_DIMENSION = 'site_code';
export const DEFAULT_MIN_RESPONSES = 5;

const MAX_ID = 2 ** 31 - 1;

function responsesPart(params: URLSearchParams): Omit<ResponsesRoute, 'view'> {
  const cursor = params.get('cursor');
  return { filters: readShared(params), list: readList(params), cursor: cursor && cursor.length <= 200 ? cursor : null };
}

function invitationsPart(params: URLSearchParams): Omit<InvitationsRoute, 'view'> {
  const state = params.get('state') as InvitationState | null;
  return {
    state: state && INVITATION_STATES.includes(state) ? state : null,
    page: wholeNumber(params.get('page'), 1, 100_000) ?? 1,
  };
}

/**
 * Reads a location hash (`#/responses/123?period=7-days`). Anything it does not
 * know becomes the overview, and bad parameters their defaults, so no URL a
 * person pastes can break the page.
 *
 * @example
 * parseRoute('#/league?dimension=staff_code')
 * // { view: 'league', filters: { range: { period: '30-days' }, surveyId: null }, dimension: 'staff_code', minResponses: 5 }
 */
export function parseRoute(hash: string): Route {
  const text = hash.replace(/^#/, '');
  const mark = text.indexOf('?');
  const path = (mark < 0 ? text : text.slice(0, mark)).replace(/\/+$/, '');
  const params = new URLSearchParams(mark < 0 ? '' : text.slice(mark + 1));
  const [, section = '', idText, ...rest] = path.split('/');
  const id = idText === undefined ? null : wholeNumber(idText, 1, MAX_ID);
  if (rest.length > 0 || (idText !== undefined && id === null)) return parseRoute('');
  if (section === 'league' && id === null) {
    const dimension = params.get('dimension') ?? '';
    return {
      view: 'league',
      filters: readShared(params),
      dimension: dimension && dimension.length <= 100 ? dimension : DEFAULT_DIMENSION,
      minResponses: wholeNumber(params.get('min_responses'), 0, 1_000_000) ?? DEFAULT_MIN_RESPONSES,
    };
  }
  if (section === 'responses') return id === null ? { view: 'responses', ...responsesPart(params) } : { view: 'response', id, ...responsesPart(params) };
  if (section === 'invitations') return id === null ? { view: 'invitations', ...invitationsPart(params) } : { view: 'invitation', id, ...invitationsPart(params) };
  const bucket = params.get('bucket') as TrendBucket | null;
  return { view: 'overview', filters: readShared(params), bucket: bucket && TREND_BUCKETS.includes(bucket) ? bucket : 'day' };
}

function withQuery(path: string, params: URLSearchParams): string {
  const query = params.toString();
  return query ? `#${path}?${query}` : `#${path}`;
}

/**
 * Writes a route as a hash, defaults left out, so `parseRoute(formatRoute(r))` gives `r` back.
 *
 * @example
 * formatRoute({ view: 'invitations', state: 'sent', page: 2 }) // '#/invitations?state=sent&page=2'
 */
export function formatRoute(route: Route): string {
  const params = new URLSearchParams();
  switch (route.view) {
    case 'overview':
      writeShared(params, route.filters);
      if (route.bucket !== 'day') params.set('bucket', route.bucket);
      return withQuery('/overview', params);
    case 'league':
      writeShared(params, route.filters);
      if (route.dimension !== DEFAULT_DIMENSION) params.set('dimension', route.dimension);
      if (route.minResponses !== DEFAULT_MIN_RESPONSES) params.set('min_responses', String(route.minResponses));
      return withQuery('/league', params);
    case 'responses':
    case 'response':
      writeList(writeShared(params, route.filters), route.list);
      if (route.cursor) params.set('cursor', route.cursor);
      return withQuery(route.view === 'response' ? `/responses/${route.id}` : '/responses', params);
    case 'invitations':
    case 'invitation':
      if (route.state) params.set('state', route.state);
      if (route.page !== 1) params.set('page', String(route.page));
      return withQuery(route.view === 'invitation' ? `/invitations/${route.id}` : '/invitations', params);
  }
}

/** The shared filters a route carries, if it is one of the filtered views. */
export function routeFilters(route: Route): SharedFilters | null {
  return 'filters' in route ? route.filters : null;
}

/** Each section's first page with the given shared filters: the nav's links. */
export function sectionRoute(view: 'overview' | 'league' | 'responses' | 'invitations', filters: SharedFilters = DEFAULT_FILTERS): Route {
  if (view === 'overview') return { view, filters, bucket: 'day' };
  if (view === 'league') return { view, filters, dimension: DEFAULT_DIMENSION, minResponses: DEFAULT_MIN_RESPONSES };
  if (view === 'responses') return { view, filters, list: NO_LIST_FILTERS, cursor: null };
  return { view, state: null, page: 1 };
}
