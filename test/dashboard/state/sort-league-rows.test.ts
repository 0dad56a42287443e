import { describe, expect, it } from 'vitest';
import { DEFAULT_LEAGUE_SORT, nextLeagueSort, sortLeagueRows } from '../../../src/dashboard/state/sort-league-rows';
import { league } from '../fixtures';

const labels = (rows: { label: string }[]) => rows.map((r) => r.label);

describe('sortLeagueRows', () => {
  it('puts the best NPS first by default, members without a score last', () =>
    expect(labels(sortLeagueRows(league.rows, DEFAULT_LEAGUE_SORT, 'en'))).toEqual(['Newcastle', 'London', 'Brighton']));
  it('keeps members without a score last when the order is reversed too', () =>
    expect(labels(sortLeagueRows(league.rows, { column: 'nps', direction: 'ascending' }, 'en'))).toEqual(['London', 'Newcastle', 'Brighton']));
  it('sorts names alphabetically', () =>
    expect(labels(sortLeagueRows(league.rows, { column: 'label', direction: 'ascending' }, 'en'))).toEqual(['Brighton', 'London', 'Newcastle']));
  it('sorts names with numbers in them by number', () => {
    const rows = ['Store 10', 'Store 9'].map((label) => ({ ...league.rows[0]!, member: label, label }));
    expect(labels(sortLeagueRows(rows, { column: 'label', direction: 'ascending' }, 'en'))).toEqual(['Store 9', 'Store 10']);
  });
  it('breaks ties by name, so the order never jumps', () => {
    const rows = ['Zeta', 'Alpha'].map((label) => ({ ...league.rows[0]!, member: label, label }));
    expect(labels(sortLeagueRows(rows, { column: 'responses', direction: 'descending' }, 'en'))).toEqual(['Alpha', 'Zeta']);
  });
  it('leaves the rows it was given in their order', () => {
    const rows = [...league.rows];
    sortLeagueRows(rows, DEFAULT_LEAGUE_SORT, 'en');
    expect(rows).toEqual(league.rows);
  });
});

describe('nextLeagueSort', () => {
  it('flips the direction of the column already sorted', () => expect(nextLeagueSort(DEFAULT_LEAGUE_SORT, 'nps')).toEqual({ column: 'nps', direction: 'ascending' }));
  it('starts a number column biggest first', () => expect(nextLeagueSort(DEFAULT_LEAGUE_SORT, 'responses')).toEqual({ column: 'responses', direction: 'descending' }));
  it('starts names A to Z', () => expect(nextLeagueSort(DEFAULT_LEAGUE_SORT, 'label')).toEqual({ column: 'label', direction: 'ascending' }));
  it('starts detractors fewest first, the good end', () => expect(nextLeagueSort(DEFAULT_LEAGUE_SORT, 'detractors')).toEqual({ column: 'detractors', direction: 'ascending' }));
});
