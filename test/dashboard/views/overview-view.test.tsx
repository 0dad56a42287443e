import { h } from 'preact';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseRoute } from '../../../src/dashboard/routing/route';
import type { OverviewRoute } from '../../../src/dashboard/routing/route';
import { createEventHub } from '../../../src/dashboard/state/event-hub';
import { OverviewView } from '../../../src/dashboard/views/overview-view';
import type { OverviewJson } from '../../../src/shared/dashboard/dashboard-replies';
import { fakeClient, overview, renderInContext, summary } from '../fixtures';

afterEach(cleanup);

const route = (hash = '#/overview') => parseRoute(hash) as OverviewRoute;
const card = (name: string) => screen.getByRole('region', { name });
/** The chart's accessible name: its title, then its description. */
const chart = (within_: HTMLElement, title: string) => within(within_).getByRole('img', { name: new RegExp(`^${title}`) });

describe('<OverviewView>', () => {
  it('shows the response count and its change on the previous period, in words', async () => {
    renderInContext(<OverviewView route={route()} />);
    await screen.findByText('1,234');
    expect(within(card('Responses')).getByText('Up 234 on the previous period (1,000)')).toBeTruthy();
    expect(within(card('Responses')).getByText('▲').getAttribute('aria-hidden')).toBe('true');
  });

  it('shows NPS with its previous score and its bands, with counts and percents', async () => {
    renderInContext(<OverviewView route={route()} />);
    await screen.findByText('+42');
    const nps = card('Net Promoter Score');
    expect(within(nps).getByText('Up 4 on the previous period (+38)')).toBeTruthy();
    expect(within(nps).getByText('100 ratings')).toBeTruthy();
    const svg = chart(nps, 'Promoters, passives and detractors');
    expect(svg.querySelector('title')!.textContent).toBe('Promoters, passives and detractors');
    expect(svg.querySelector('desc')!.textContent).toBe('NPS +42: 60% promoters, 22% passives, 18% detractors.');
    expect(svg.getAttribute('aria-labelledby')!.split(' ')).toEqual([svg.querySelector('title')!.id, svg.querySelector('desc')!.id]);
  });

  it('gives screen readers the chart’s numbers as a table right after it', async () => {
    renderInContext(<OverviewView route={route()} />);
    await screen.findByText('+42');
    const svg = chart(card('Net Promoter Score'), 'Promoters, passives and detractors');
    const table = svg.parentElement!.querySelector('.sr-only table') as HTMLElement;
    const rows = within(table).getAllByRole('row').map((row) => [...row.children].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['Group', 'Count', 'Share'],
      ['Detractors', '18', '18%'],
      ['Passives', '22', '22%'],
      ['Promoters', '60', '60%'],
    ]);
    expect(within(table).getByRole('rowheader', { name: 'Promoters' }).getAttribute('scope')).toBe('row');
  });

  it('shows CSAT with its drop on the previous period and its 1-5 answers', async () => {
    renderInContext(<OverviewView route={route()} />);
    await screen.findByText('81%');
    const csat = card('Customer satisfaction (CSAT)');
    expect(within(csat).getByText('Down 4 on the previous period (85%)')).toBeTruthy();
    expect(chart(csat, 'Customer satisfaction').querySelector('desc')!.textContent).toBe('Answers from 1 to 5: 1: 2, 2: 3, 3: 14, 4: 30, 5: 51.');
  });

  it('gives each other rating question a card with its average and answers', async () => {
    renderInContext(<OverviewView route={route()} />);
    const clean = await screen.findByRole('region', { name: 'How clean was the store?' });
    expect(within(clean).getByText('5.5')).toBeTruthy();
    expect(within(clean).getByText('Average 5.5 on a scale of 1 to 7')).toBeTruthy();
    expect(within(clean).getByText('After your visit')).toBeTruthy();
  });

  it('draws the trend with a table row per day', async () => {
    renderInContext(<OverviewView route={route()} />);
    await screen.findByText('1,234');
    const trend = card('Trend');
    const bars = chart(trend, 'Responses over time');
    expect(bars.querySelector('desc')!.textContent).toBe('From 1 Nov 2026 to 3 Nov 2026: 42 responses in all, at most 30 in one period.');
    expect(bars.querySelectorAll('rect')).toHaveLength(3);
    const line = chart(trend, 'NPS over time');
    expect(line.querySelector('desc')!.textContent).toBe('From 1 Nov 2026 to 3 Nov 2026: NPS between -10 and +40, -10 in the latest period with ratings.');
    const table = line.parentElement!.parentElement!.querySelector('.sr-only table') as HTMLElement;
    expect(within(table).getAllByRole('row').map((row) => row.lastElementChild!.previousElementSibling!.textContent)).toEqual(['NPS', '+40', '—', '-10']);
  });

  it('links each trend grouping, marking the current one', async () => {
    renderInContext(<OverviewView route={route('#/overview?period=7-days&bucket=week')} />);
    await screen.findByText('1,234');
    const group = screen.getByRole('group', { name: 'Group by' });
    expect(within(group).getByRole('link', { name: 'Week' }).getAttribute('aria-current')).toBe('true');
    expect(within(group).getByRole('link', { name: 'Month' }).getAttribute('href')).toBe('#/overview?period=7-days&bucket=month');
  });

  it('says there are no responses instead of drawing empty charts', async () => {
    const empty: OverviewJson = {
      ...overview,
      responses: { count: 0, previous: 0 },
      nps: { net_promoter_score: null, promoter_count: 0, passive_count: 0, detractor_count: 0, total_number_of_ratings: 0, previous_score: null },
      csat: { ...overview.csat, csat: null, total_number_of_ratings: 0 },
      scores: [],
      trend: { bucket: 'day', points: overview.trend.points.map((p) => ({ ...p, responses: 0, nps: null })) },
    };
    renderInContext(<OverviewView route={route()} />, { client: fakeClient({ overview: async () => ({ ok: true, value: empty }) }) });
    expect(await screen.findAllByText('No responses in this period')).toHaveLength(2);
    expect(screen.getAllByText('No ratings in this period')).toHaveLength(2);
    expect(screen.queryByRole('img')).toBeNull();
  });

  it('asks the API for the range, survey and grouping in the URL', async () => {
    const client = fakeClient();
    renderInContext(<OverviewView route={route('#/overview?from=2026-01-01&to=2026-01-31&survey_id=2&bucket=month')} />, { client });
    await screen.findByText('1,234');
    expect(String(vi.mocked(client.overview).mock.calls[0]![0])).toBe('from=2026-01-01&to=2026-01-31&survey_id=2&bucket=month');
  });

  it('changes the URL when a period is chosen from the filter bar', async () => {
    const { location } = renderInContext(<OverviewView route={route()} />);
    fireEvent.change(screen.getByLabelText('Date range'), { target: { value: 'last_month' } });
    expect(location.hash).toBe('#/overview?period=last_month');
  });

  it('applies a custom range once both dates are in', async () => {
    const { location } = renderInContext(<OverviewView route={route()} />);
    fireEvent.change(screen.getByLabelText('Date range'), { target: { value: 'custom' } });
    fireEvent.input(screen.getByLabelText('From'), { target: { value: '2026-01-01' } });
    fireEvent.input(screen.getByLabelText('To'), { target: { value: '2026-01-31' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    expect(location.hash).toBe('#/overview?from=2026-01-01&to=2026-01-31');
  });

  it('refetches once, two seconds after a burst of new responses', async () => {
    const client = fakeClient();
    const events = createEventHub<ReturnType<typeof summary>>();
    const { timers } = renderInContext(<OverviewView route={route()} />, { client, events });
    await screen.findByText('1,234');
    await waitFor(() => expect(client.overview).toHaveBeenCalledTimes(1));
    // Effects run after paint; the subscription is in place once this emit reaches it.
    await waitFor(() => {
      events.emit(summary(1));
      timers.advance(1999);
      expect(client.overview).toHaveBeenCalledTimes(1);
      events.emit(summary(2));
      timers.advance(2000);
      expect(client.overview).toHaveBeenCalledTimes(2);
    });
  });
});
