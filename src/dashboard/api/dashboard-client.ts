import type {
  InvitationDetailJson,
  InvitationListJson,
  LeagueJson,
  MeJson,
  OverviewJson,
  ResponseDetailJson,
  ResponseListJson,
} from '../../shared/dashboard/dashboard-replies';

/** What every call gives back: the value, or the status and the server's message. Nothing throws. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; status: number; message: string };

/** One method per endpoint of `/dashboard/api`; queries are built by the caller (see api-query.ts). */
export interface DashboardClient {
  signIn(token: string): Promise<ApiResult<null>>;
  signOut(): Promise<ApiResult<null>>;
  me(): Promise<ApiResult<MeJson>>;
  overview(query: URLSearchParams): Promise<ApiResult<OverviewJson>>;
  league(query: URLSearchParams): Promise<ApiResult<LeagueJson>>;
  responses(query: URLSearchParams): Promise<ApiResult<ResponseListJson>>;
  response(id: number): Promise<ApiResult<ResponseDetailJson>>;
  invitations(query: URLSearchParams): Promise<ApiResult<InvitationListJson>>;
  invitation(id: number): Promise<ApiResult<InvitationDetailJson>>;
  /** A same-origin download link (the session cookie authorises it). */
  exportUrl(format: 'csv' | 'json', query: URLSearchParams): string;
  /** Where the server-sent events of new responses come from. */
  eventsUrl: string;
}

export const API_BASE = '/dashboard/api';

/** status 0: the request never got an answer (offline, DNS, a proxy dropping it). */
export const NETWORK_ERROR = 0;

function url(path: string, query?: URLSearchParams): string {
  const q = query?.toString();
  return `${API_BASE}${path}${q ? `?${q}` : ''}`;
}

async function errorMessage(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { message?: unknown };
    if (typeof body.message === 'string' && body.message) return body.message;
  } catch {
    // Not JSON (a proxy's HTML error page): the status line says enough.
  }
  return `${response.status} ${response.statusText}`.trim();
}

/**
 * The dashboard's only door to the server. Every answer becomes an ApiResult:
 * a 401 is `{ok: false, status: 401}` for the app to turn into the sign-in
 * form, a network failure is status 0, and no exception reaches a view.
 *
 * @example
 * const client = createDashboardClient(fetch.bind(window));
 * const me = await client.me();
 * if (!me.ok && me.status === 401) showSignIn();
 */
export function createDashboardClient(fetchFn: typeof fetch): DashboardClient {
  async function call<T>(method: string, path: string, query?: URLSearchParams, body?: unknown): Promise<ApiResult<T>> {
    let response: Response;
    try {
      response = await fetchFn(url(path, query), {
        method,
        credentials: 'same-origin',
        headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      return { ok: false, status: NETWORK_ERROR, message: error instanceof Error ? error.message : String(error) };
    }
    if (!response.ok) return { ok: false, status: response.status, message: await errorMessage(response) };
    if (response.status === 204) return { ok: true, value: null as T };
    try {
      return { ok: true, value: (await response.json()) as T };
    } catch {
      return { ok: false, status: response.status, message: 'The server’s answer was not JSON' };
    }
  }
  return {
    signIn: (token) => call('POST', '/session', undefined, { token }),
    signOut: () => call('DELETE', '/session'),
    me: () => call('GET', '/me'),
    overview: (query) => call('GET', '/overview', query),
    league: (query) => call('GET', '/league', query),
    responses: (query) => call('GET', '/responses', query),
    response: (id) => call('GET', `/responses/${id}`),
    invitations: (query) => call('GET', '/invitations', query),
    invitation: (id) => call('GET', `/invitations/${id}`),
    exportUrl: (format, query) => url(`/export.${format}`, query),
    eventsUrl: url('/events'),
  };
}
