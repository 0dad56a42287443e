import { sql, type Kysely } from 'kysely';
import type { RatingCounts } from '../../shared/metrics/rating-counts';
import type { RatingKind, Tables } from './tables';
import { splitByUtcDays } from './utc-days';

/** What `/nps` and `/csat` narrow by, besides the time range. */
export interface RatingFilter {
  surveyIds?: readonly number[];
  siteIds?: readonly number[];
  staffIds?: readonly number[];
  /** Case-insensitive "contains" on the customer's company name. */
  companyName?: string;
}

export interface RatingStore {
  /** How many ratings of each value `scale` got in the inclusive range; the metrics are computed from this. */
  counts(org: string, scale: RatingKind, range: { from: Date; to: Date }, filter: RatingFilter): Promise<RatingCounts>;
}

/**
 * Counts ratings. Filters by site, staff or company read the covering
 * indexes row by row; otherwise whole days come from the daily counts and
 * only the partial days at the ends are read row by row.
 */
export function createRatingStore(db: Kysely<Tables>): RatingStore {
  return {
    counts: async (org, scale, range, filter) => {
      const totals = new Map<number, number>();
      const add = (rows: { value: number; n: number | string | bigint | null }[]) => {
        for (const { value, n } of rows) totals.set(Number(value), (totals.get(Number(value)) ?? 0) + Number(n ?? 0));
      };
      const rowByRow = Boolean(filter.siteIds?.length || filter.staffIds?.length || filter.companyName);
      const split = rowByRow ? { edges: [{ from: range.from.toISOString(), to: range.to.toISOString() }] } : splitByUtcDays(range.from, range.to);
      if (split.days) {
        let query = db
          .selectFrom('rating_days')
          .where('org', '=', org)
          .where('scale', '=', scale)
          .where('day', '>=', split.days.first)
          .where('day', '<=', split.days.last);
        if (filter.surveyIds?.length) query = query.where('survey_id', 'in', [...filter.surveyIds]);
        add(await query.select((eb) => ['value', eb.fn.sum<number>('n').as('n')]).groupBy('value').execute());
      }
      for (const edge of split.edges) {
        let query = db
          .selectFrom('ratings')
          .where('org', '=', org)
          .where('scale', '=', scale)
          .where('submitted_utc', '>=', edge.from)
          .where('submitted_utc', '<=', edge.to);
        if (filter.surveyIds?.length) query = query.where('survey_id', 'in', [...filter.surveyIds]);
        if (filter.siteIds?.length) query = query.where('site_id', 'in', [...filter.siteIds]);
        if (filter.staffIds?.length) query = query.where('staff_id', 'in', [...filter.staffIds]);
        if (filter.companyName) {
          const pattern = `%${escapeLike(filter.companyName.trim().toLowerCase())}%`;
          query = query.where(sql<boolean>`company_name LIKE ${pattern} ESCAPE '\\'`);
        }
        add(await query.select((eb) => ['value', eb.fn.countAll<number>().as('n')]).groupBy('value').execute());
      }
      return totals;
    },
  };
}

/** `%` and `_` in a searched name are literal characters, not wildcards. */
function escapeLike(text: string): string {
  return text.replace(/[%_\\]/g, (c) => `\\${c}`);
}
