/** What the dashboard sums over days: responses, NPS bands, and CSAT answers 1 to 5. */
export interface StatTotals {
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
  csat: [number, number, number, number, number];
}

/** The counting columns of `stat_days`, in the order the rollups add them. */
export const STAT_COUNT_COLUMNS = ['responses', 'promoters', 'passives', 'detractors', 'csat_1', 'csat_2', 'csat_3', 'csat_4', 'csat_5'] as const;

/** One of the counting columns. */
export type StatCountColumn = (typeof STAT_COUNT_COLUMNS)[number];

/** A row of summed counts as the driver returns them: SUM may come back as a string, a bigint or null. */
export type SummedCounts = Record<StatCountColumn, number | string | bigint | null>;

/**
 * Totals from a row of summed `stat_days` counts; a missing sum is 0. Pure.
 *
 * @example
 * statTotals({ responses: 3, promoters: '2', passives: 0, detractors: 1, csat_1: 0, csat_2: 0, csat_3: 0, csat_4: 1, csat_5: null })
 * // { responses: 3, promoters: 2, passives: 0, detractors: 1, csat: [0, 0, 0, 1, 0] }
 */
export function statTotals(row: SummedCounts): StatTotals {
  const n = (column: StatCountColumn) => Number(row[column] ?? 0);
  return {
    responses: n('responses'),
    promoters: n('promoters'),
    passives: n('passives'),
    detractors: n('detractors'),
    csat: [n('csat_1'), n('csat_2'), n('csat_3'), n('csat_4'), n('csat_5')],
  };
}
