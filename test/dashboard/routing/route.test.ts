import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute } from '../../../src/dashboard/routing/route';
import type { OverviewRoute, Route } from '../../../src/dashboard/routing/route';

/** The shared filters of an overview hash. */
const filtersOf = (hash: string) => (parseRoute(hash) as OverviewRoute).filters;
const defaults = { range: { period: '30-days' }, surveyId: null };
const noList = { segments: [], scoreScale: null, scoreMin: null, scoreMax: null, q: '' };

describe('parseRoute', () => {
  it('opens the overview for an empty hash', () => expect(parseRoute('')).toEqual({ view: 'overview', filters: defaults, bucket: 'day' }));
  it('opens the overview for an unknown section', () => expect(parseRoute('#/settings').view).toBe('overview'));
  it('opens the overview for a malformed id', () => expect(parseRoute('#/responses/abc').view).toBe('overview'));
  it('reads a period', () => expect(filtersOf('#/overview?period=last_month').range).toEqual({ period: 'last_month' }));
  it('drops an unknown period for the default', () => expect(filtersOf('#/overview?period=fortnight').range).toEqual({ period: '30-days' }));
  it('reads a custom range', () => expect(filtersOf('#/overview?from=2026-01-01&to=2026-01-31').range).toEqual({ from: '2026-01-01', to: '2026-01-31' }));
  it('drops a custom range that runs backwards', () => expect(filtersOf('#/overview?from=2026-02-01&to=2026-01-31').range).toEqual({ period: '30-days' }));
  it('drops a custom range missing its end', () => expect(filtersOf('#/overview?from=2026-02-01').range).toEqual({ period: '30-days' }));
  it('reads the survey', () => expect(filtersOf('#/overview?survey_id=3').surveyId).toBe(3));
  it('drops a survey id that is not a positive whole number', () => expect(filtersOf('#/overview?survey_id=-3').surveyId).toBeNull());
  it('reads the trend bucket', () => expect(parseRoute('#/overview?bucket=week')).toMatchObject({ bucket: 'week' }));
  it('reads a league dimension and threshold', () =>
    expect(parseRoute('#/league?dimension=region&min_responses=10')).toMatchObject({ view: 'league', dimension: 'region', minResponses: 10 }));
  it('defaults the league to sites with 5 responses', () => expect(parseRoute('#/league')).toMatchObject({ dimension: 'site_code', minResponses: 5 }));
  it('reads repeated segments with colons in their values', () =>
    expect(parseRoute('#/responses?segment=site_code%3Ancl&segment=note%3Aa%3Ab')).toMatchObject({
      list: { segments: [{ key: 'site_code', value: 'ncl' }, { key: 'note', value: 'a:b' }] },
    }));
  it('ignores a score range without its scale, as the API would refuse it', () =>
    expect(parseRoute('#/responses?score_min=0&score_max=6')).toMatchObject({ list: { scoreScale: null, scoreMin: null, scoreMax: null } }));
  it('reads a score range with its scale', () =>
    expect(parseRoute('#/responses?score_scale=nps&score_min=0&score_max=6')).toMatchObject({ list: { scoreScale: 'nps', scoreMin: 0, scoreMax: 6 } }));
  it('reads the cursor of an older page', () => expect(parseRoute('#/responses?cursor=abc')).toMatchObject({ cursor: 'abc' }));
  it('reads one response, keeping the list’s filters', () =>
    expect(parseRoute('#/responses/123?q=late')).toEqual({ view: 'response', id: 123, filters: defaults, list: { ...noList, q: 'late' }, cursor: null }));
  it('reads the invitations state and page', () => expect(parseRoute('#/invitations?state=not_sent&page=3')).toEqual({ view: 'invitations', state: 'not_sent', page: 3 }));
  it('drops an unknown invitation state', () => expect(parseRoute('#/invitations?state=lost')).toMatchObject({ state: null }));
  it('reads one invitation', () => expect(parseRoute('#/invitations/45')).toEqual({ view: 'invitation', id: 45, state: null, page: 1 }));
  it('ignores a trailing slash', () => expect(parseRoute('#/league/').view).toBe('league'));
});

describe('formatRoute', () => {
  it('leaves defaults out of the URL', () => expect(formatRoute({ view: 'overview', filters: defaults, bucket: 'day' } as Route)).toBe('#/overview'));
  it('writes a custom range as from and to', () =>
    expect(formatRoute({ view: 'overview', filters: { range: { from: '2026-01-01', to: '2026-01-31' }, surveyId: 2 }, bucket: 'week' })).toBe(
      '#/overview?from=2026-01-01&to=2026-01-31&survey_id=2&bucket=week',
    ));
  it('writes a response’s page with its list’s filters', () =>
    expect(formatRoute({ view: 'response', id: 9, filters: { range: { period: '7-days' }, surveyId: null }, list: { ...noList, q: 'late' }, cursor: null })).toBe(
      '#/responses/9?period=7-days&q=late',
    ));
});

describe('parseRoute(formatRoute(route))', () => {
  const routes: Route[] = [
    { view: 'overview', filters: { range: { period: 'last_quarter' }, surveyId: 4 }, bucket: 'month' },
    { view: 'league', filters: { range: { from: '2026-03-01', to: '2026-03-31' }, surveyId: null }, dimension: 'staff_code', minResponses: 0 },
    {
      view: 'responses',
      filters: { range: { period: 'yesterday' }, surveyId: null },
      list: { segments: [{ key: 'site_code', value: 'ncl' }, { key: 'region', value: 'North & East' }], scoreScale: 'csat', scoreMin: 1, scoreMax: 2, q: 'queue & wait' },
      cursor: 'opaque/+=',
    },
    { view: 'response', id: 123, filters: { range: { period: '30-days' }, surveyId: 1 }, list: noList as never, cursor: null },
    { view: 'invitations', state: 'pending', page: 2 },
    { view: 'invitation', id: 45, state: 'sent', page: 1 },
  ];
  for (const route of routes) {
    it(`gives back the ${route.view} route it wrote`, () => expect(parseRoute(formatRoute(route))).toEqual(route));
  }
});
