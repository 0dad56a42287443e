import type { LeagueJson, MeJson, OverviewJson, ResponseListJson } from '../../src/shared/dashboard/dashboard-replies';
import type { BenchEndpoint } from './bench-endpoints';
import { FILTERED, SEARCH, type DashboardFacts, type ListFacts } from './dashboard-facts';
import type { Reply } from './measure';

/** A timed request: the dashboard's own (signed in by cookie) or the v1 API's (by token). */
export interface DashboardEndpoint extends BenchEndpoint {
  auth: 'session' | 'token';
}

export const LIST_PATH = '/dashboard/api/responses';
/** The filtered list's query, without a cursor: Newcastle's NPS detractors over the year. */
export const FILTERED_QUERY = `period=12-months&limit=25&segment=site_code:${FILTERED.site}&score_scale=${FILTERED.scale}&score_min=${FILTERED.min}&score_max=${FILTERED.max}`;

/**
 * What the issue names (overview, league table, a filtered list; each p99
 * within `targetMs`), then two baselines: `/me`, the session check and a
 * small query, and the v1 `/nps`, the API's own rollup path over the same
 * year. Every check compares the reply with `facts`, read from the raw tables.
 */
export function dashboardEndpoints(facts: DashboardFacts, { targetMs, page3Cursor, org, zone }: { targetMs: number; page3Cursor: string; org: string; zone: string }): DashboardEndpoint[] {
  const session = (path: string, check: (reply: Reply) => string | undefined, target: number | undefined = targetMs): DashboardEndpoint => ({
    path: `/dashboard/api/${path}`,
    auth: 'session',
    targetMs: target,
    check: guarded(check),
  });
  return [
    session('overview?period=12-months&bucket=week', overview(facts, 'year')),
    session('overview?period=30-days&bucket=day', overview(facts, 'month')),
    session('league?period=12-months&dimension=site_code&min_responses=5', league(facts.yearMembers.site_code, 5)),
    session('league?period=12-months&dimension=staff_code&min_responses=5', league(facts.yearMembers.staff_code, 5)),
    session('responses?period=12-months&limit=25', list(facts.yearList, 0, facts.yearResponses)),
    session(`responses?${FILTERED_QUERY}`, list(facts.filteredList, 0, null)),
    session(`responses?${FILTERED_QUERY}&cursor=${page3Cursor}`, list(facts.filteredList, 2, null)),
    session(`responses?period=30-days&limit=25&q=${SEARCH}`, list(facts.searchList, 0, null)),
    session('me', me(org, zone), undefined),
    { path: '/api/nps?period=12-months', auth: 'token', check: guarded(v1Nps(facts)) },
  ];
}

/** A reply that is not even JSON is wrong too, with the parser's words. */
function guarded(check: (reply: Reply) => string | undefined): (reply: Reply) => string | undefined {
  return (reply) => {
    try {
      return check(reply);
    } catch (error) {
      return `unreadable reply (${error instanceof Error ? error.message : String(error)}): ${reply.text.slice(0, 200)}`;
    }
  };
}

function overview(facts: DashboardFacts, which: 'year' | 'month'): (reply: Reply) => string | undefined {
  const span = facts[which];
  const responses = which === 'year' ? facts.yearResponses : facts.monthResponses;
  const points = which === 'year' ? facts.yearWeeks : facts.monthDays;
  return ({ text }) => {
    const body = JSON.parse(text) as OverviewJson;
    if (body.range.first !== span.first || body.range.last !== span.last) return `range ${body.range.first}..${body.range.last}, expected ${span.first}..${span.last}`;
    if (!(body.responses.count > 0) || body.responses.count !== responses) return `responses.count ${body.responses.count}, expected ${responses}`;
    if (body.trend.points.length !== points) return `${body.trend.points.length} trend points, expected ${points}`;
    const inTrend = body.trend.points.reduce((sum, p) => sum + p.responses, 0);
    if (inTrend !== responses) return `the trend adds up to ${inTrend} responses, expected ${responses}`;
    if (which === 'year' && body.nps.net_promoter_score !== facts.yearNps.net_promoter_score) return `NPS ${body.nps.net_promoter_score}, the ratings say ${facts.yearNps.net_promoter_score}`;
    if (body.scores.length === 0) return 'no score summaries';
    return undefined;
  };
}

function league(expected: ReadonlyMap<string, number>, min: number): (reply: Reply) => string | undefined {
  const shown = [...expected].filter(([, n]) => n >= min);
  return ({ text }) => {
    const body = JSON.parse(text) as LeagueJson;
    if (body.rows.length === 0 || body.rows.length !== shown.length) return `${body.rows.length} rows, expected ${shown.length}`;
    if (body.below_threshold !== expected.size - shown.length) return `below_threshold ${body.below_threshold}, expected ${expected.size - shown.length}`;
    for (const row of body.rows) {
      if (row.responses !== expected.get(row.member)) return `${row.member} has ${row.responses} responses, expected ${expected.get(row.member)}`;
    }
    return undefined;
  };
}

/** Page `page` (from 0) of a list: exactly the ids the tables give, in order; the total when it is countable. */
function list(expected: ListFacts, page: number, total: number | null): (reply: Reply) => string | undefined {
  const ids = expected.ids.slice(page * 25, page * 25 + 25);
  return ({ text }) => {
    const body = JSON.parse(text) as ResponseListJson;
    if (ids.length !== 25) return `the dataset has only ${ids.length} rows for this page: re-seed with --reseed`;
    const got = body.items.map((item) => item.id);
    if (got.join() !== ids.join()) return `ids ${got.slice(0, 5).join(', ')}… (${got.length}), expected ${ids.slice(0, 5).join(', ')}… (25)`;
    if (body.total !== total) return `total ${body.total}, expected ${total}`;
    if (body.next_cursor === null) return 'no next_cursor on a full page';
    return undefined;
  };
}

function me(org: string, zone: string): (reply: Reply) => string | undefined {
  return ({ text }) => {
    const body = JSON.parse(text) as MeJson;
    if (body.org !== org || body.time_zone !== zone) return `org ${body.org} in ${body.time_zone}, expected ${org} in ${zone}`;
    const sites = body.dimensions.find((d) => d.key === 'site_code')?.members.length ?? 0;
    return sites === 20 ? undefined : `${sites} sites offered, expected 20`;
  };
}

function v1Nps(facts: DashboardFacts): (reply: Reply) => string | undefined {
  return ({ text }) => {
    const body = JSON.parse(text) as { net_promoter_score: number; total_number_of_ratings: number };
    const { net_promoter_score: score, total_number_of_ratings: total } = facts.yearNps;
    return body.total_number_of_ratings === total && body.net_promoter_score === score ? undefined : `NPS ${body.net_promoter_score} of ${body.total_number_of_ratings}, expected ${score} of ${total}`;
  };
}
