import { h } from 'preact';
import type { LeagueRowJson } from '../../shared/dashboard/dashboard-replies';
import type { DashboardStringKey } from '../i18n/en';
import { sortLeagueRows } from '../state/sort-league-rows';
import type { LeagueColumn, LeagueSort } from '../state/sort-league-rows';
import { useDashboard } from '../state/dashboard-context';
import { SortHeader } from './sort-header';
import { TableScroll } from './table-scroll';

export interface LeagueTableProps {
  rows: readonly LeagueRowJson[];
  sort: LeagueSort;
  onSort(column: LeagueColumn): void;
  /** The member column's header: Site, Staff member, or the segment key. */
  memberLabel: string;
  caption: string;
}

const NUMBER_COLUMNS: readonly [Exclude<LeagueColumn, 'label'>, DashboardStringKey][] = [
  ['responses', 'colResponses'],
  ['nps', 'colNps'],
  ['promoters', 'colPromoters'],
  ['passives', 'colPassives'],
  ['detractors', 'colDetractors'],
  ['csat', 'colCsat'],
];

/** Members ranked by the chosen column; every header sorts. */
export function LeagueTable({ rows, sort, onSort, memberLabel, caption }: LeagueTableProps) {
  const { t, fmt, locale } = useDashboard();
  const cell = (row: LeagueRowJson, column: Exclude<LeagueColumn, 'label'>) => {
    const value = row[column];
    if (value === null) return t('none');
    return column === 'nps' ? fmt.signed(value) : column === 'csat' ? fmt.percent(value) : fmt.number(value);
  };
  return (
    <TableScroll label={caption}>
      <table class="table league-table">
        <caption class="sr-only">{caption}</caption>
        <thead>
          <tr>
            <SortHeader label={memberLabel} direction={sort.column === 'label' ? sort.direction : null} onSort={() => onSort('label')} />
            {NUMBER_COLUMNS.map(([column, key]) => (
              <SortHeader key={column} label={t(key)} numeric direction={sort.column === column ? sort.direction : null} onSort={() => onSort(column)} />
            ))}
          </tr>
        </thead>
        <tbody>
          {sortLeagueRows(rows, sort, locale).map((row) => (
            <tr key={row.member}>
              <th scope="row">{row.label}</th>
              {NUMBER_COLUMNS.map(([column]) => (
                <td key={column} class="num">
                  {cell(row, column)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
