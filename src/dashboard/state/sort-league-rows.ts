import type { LeagueRowJson } from '../../shared/dashboard/dashboard-replies';

export type LeagueColumn = 'label' | 'responses' | 'nps' | 'promoters' | 'passives' | 'detractors' | 'csat';
export type SortDirection = 'ascending' | 'descending';

export interface LeagueSort {
  column: LeagueColumn;
  direction: SortDirection;
}

/** Best NPS first: the question a league table answers. */
export const DEFAULT_LEAGUE_SORT: LeagueSort = { column: 'nps', direction: 'descending' };

/**
 * League rows in the order asked for. A missing score (no ratings) sorts last
 * whichever way the column runs, since it is not a low score; ties go by
 * name, in the reader's locale, so the order never jumps between renders.
 *
 * @example
 * sortLeagueRows(rows, { column: 'nps', direction: 'descending' }, 'en')
 * // NPS 60, NPS 12, NPS -5, then NPS null
 */
export function sortLeagueRows(rows: readonly LeagueRowJson[], { column, direction }: LeagueSort, locale: string): LeagueRowJson[] {
  const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
  const sign = direction === 'ascending' ? 1 : -1;
  const byName = (a: LeagueRowJson, b: LeagueRowJson) => collator.compare(a.label, b.label);
  return [...rows].sort((a, b) => {
    if (column === 'label') return sign * byName(a, b);
    const x = a[column];
    const y = b[column];
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    return sign * (x - y) || byName(a, b);
  });
}

/** The sort after clicking a column's header: the same column flips, a new one starts at its natural way. */
export function nextLeagueSort(current: LeagueSort, column: LeagueColumn): LeagueSort {
  if (current.column === column) return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  // Names read A to Z; numbers read biggest first, except detractors, where fewest is best.
  return { column, direction: column === 'label' || column === 'detractors' ? 'ascending' : 'descending' };
}
