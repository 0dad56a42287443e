import { h } from 'preact';
import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseRoute } from '../../../src/dashboard/routing/route';
import type { LeagueRoute } from '../../../src/dashboard/routing/route';
import { LeagueView } from '../../../src/dashboard/views/league-view';
import { fakeClient, league, renderInContext } from '../fixtures';

afterEach(cleanup);

const route = (hash = '#/league') => parseRoute(hash) as LeagueRoute;
const names = () => screen.getAllByRole('rowheader').map((cell) => cell.textContent);
const header = (name: string) => screen.getByRole('button', { name: new RegExp(`^${name}`) }).closest('th')!;

describe('<LeagueView>', () => {
  it('ranks by NPS, best first, members without a score last', async () => {
    renderInContext(<LeagueView route={route()} />);
    await screen.findByRole('table');
    expect(names()).toEqual(['Newcastle', 'London', 'Brighton']);
    expect(header('NPS').getAttribute('aria-sort')).toBe('descending');
    expect(header('Site').hasAttribute('aria-sort')).toBe(false);
  });

  it('re-sorts when a column header is clicked, and flips on a second click', async () => {
    renderInContext(<LeagueView route={route()} />);
    await screen.findByRole('table');
    fireEvent.click(screen.getByRole('button', { name: /^NPS/ }));
    expect(header('NPS').getAttribute('aria-sort')).toBe('ascending');
    expect(names()).toEqual(['London', 'Newcastle', 'Brighton']);
    fireEvent.click(screen.getByRole('button', { name: /^Site/ }));
    expect(header('Site').getAttribute('aria-sort')).toBe('ascending');
    expect(header('NPS').hasAttribute('aria-sort')).toBe(false);
    expect(names()).toEqual(['Brighton', 'London', 'Newcastle']);
  });

  it('shows each member’s numbers, a dash for a missing score', async () => {
    renderInContext(<LeagueView route={route()} />);
    await screen.findByRole('table');
    const brighton = screen.getByRole('rowheader', { name: 'Brighton' }).parentElement!;
    expect([...brighton.children].map((cell) => cell.textContent)).toEqual(['Brighton', '9', '—', '0', '0', '0', '90%']);
    expect(within(screen.getByRole('rowheader', { name: 'Newcastle' }).parentElement!).getByText('+55').className).toBe('num');
  });

  it('says how many members fell below the threshold', async () => {
    renderInContext(<LeagueView route={route()} />);
    expect(await screen.findByText('3 hidden below the threshold of 5 responses')).toBeTruthy();
  });

  it('offers sites, staff and each custom segment to compare by', async () => {
    const { location } = renderInContext(<LeagueView route={route()} />);
    const select = screen.getByLabelText('Compare by') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(['Site', 'Staff member', 'region']);
    fireEvent.change(select, { target: { value: 'staff_code' } });
    expect(location.hash).toBe('#/league?dimension=staff_code');
  });

  it('asks for the chosen dimension and threshold', async () => {
    const client = fakeClient();
    const { location } = renderInContext(<LeagueView route={route('#/league?dimension=region&min_responses=10')} />, { client });
    await screen.findByRole('table');
    expect(String(vi.mocked(client.league).mock.calls[0]![0])).toBe('period=30-days&dimension=region&min_responses=10');
    fireEvent.change(screen.getByLabelText('Minimum responses'), { target: { value: '20' } });
    expect(location.hash).toBe('#/league?dimension=region&min_responses=20');
  });

  it('says so when nobody reaches the threshold', async () => {
    const client = fakeClient({ league: async () => ({ ok: true, value: { ...league, rows: [], below_threshold: 1 } }) });
    renderInContext(<LeagueView route={route()} />, { client });
    expect(await screen.findByText('Nobody has 5 or more responses in this period')).toBeTruthy();
    expect(screen.getByText('1 hidden below the threshold of 5 responses')).toBeTruthy();
  });
});
