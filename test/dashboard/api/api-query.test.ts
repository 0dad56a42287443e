import { describe, expect, it } from 'vitest';
import { exportQuery, invitationsQuery, leagueQuery, overviewQuery, responsesQuery } from '../../../src/dashboard/api/api-query';
import { parseRoute } from '../../../src/dashboard/routing/route';
import type { LeagueRoute, OverviewRoute, ResponsesRoute, InvitationsRoute } from '../../../src/dashboard/routing/route';

describe('the API query behind each view', () => {
  it('always sends the period, even the default', () =>
    expect(overviewQuery(parseRoute('#/overview') as OverviewRoute).toString()).toBe('period=30-days&bucket=day'));
  it('sends a custom range and survey to the overview', () =>
    expect(overviewQuery(parseRoute('#/overview?from=2026-01-01&to=2026-01-31&survey_id=2&bucket=week') as OverviewRoute).toString()).toBe(
      'from=2026-01-01&to=2026-01-31&survey_id=2&bucket=week',
    ));
  it('sends the league its dimension and threshold', () =>
    expect(leagueQuery(parseRoute('#/league?dimension=region') as LeagueRoute).toString()).toBe('period=30-days&dimension=region&min_responses=5'));
  it('sends the list filters, the cursor and a page size', () =>
    expect(responsesQuery(parseRoute('#/responses?segment=site_code:ncl&score_scale=nps&score_max=6&q=slow&cursor=c2') as ResponsesRoute).toString()).toBe(
      'period=30-days&segment=site_code%3Ancl&score_scale=nps&score_max=6&q=slow&cursor=c2&limit=25',
    ));
  it('leaves the cursor and page size out of an export, which takes everything that matches', () =>
    expect(exportQuery(parseRoute('#/responses?q=slow&cursor=c2') as ResponsesRoute).toString()).toBe('period=30-days&q=slow'));
  it('sends the invitations their state and page', () =>
    expect(invitationsQuery(parseRoute('#/invitations?state=pending&page=2') as InvitationsRoute).toString()).toBe('state=pending&page=2&limit=25'));
});
