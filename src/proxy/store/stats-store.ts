import { sql, type Kysely } from 'kysely';
import type { StoredResponse } from '../../shared/response-schema';
import type { ResponseFacts } from './response-facts';
import { rebuildStats } from './rebuild-stats';
import { STAT_COUNT_COLUMNS, statTotals, type StatTotals } from './stat-totals';
import type { Tables } from './tables';

export type { StatTotals };

/** Local dates (`YYYY-MM-DD`), both included. */
export interface DayRange {
  first: string;
  last: string;
}

export interface StatsStore {
  /** dim '' per local day (only days with rows), summed over surveyIds (all when empty). */
  daily(org: string, days: DayRange, surveyIds?: readonly number[]): Promise<{ day: string; totals: StatTotals }[]>;
  /** Per member of `dim` over the days. */
  league(org: string, dim: string, days: DayRange, surveyIds?: readonly number[]): Promise<{ member: string; totals: StatTotals }[]>;
  /** Rating answers per (survey, question, value) over the days. */
  scores(org: string, days: DayRange, surveyIds?: readonly number[]): Promise<{ survey_id: number; question_id: number; value: number; n: number }[]>;
  /** Distinct dims of the org (besides ''). */
  dimensions(org: string): Promise<string[]>;
  /** A dim's members with their all-time response counts, most first, up to `limit`. */
  members(org: string, dim: string, limit: number): Promise<{ value: string; n: number }[]>;
  /** Responses over the days, optionally of one segment member: an exact count from the rollup. */
  count(org: string, days: DayRange, surveyIds?: readonly number[], segment?: { key: string; value: string }): Promise<number>;
  /** The zone the org's rollups were built in, if any. */
  zoneOf(org: string): Promise<string | undefined>;
  /**
   * Deletes and rebuilds the org's stat_days, stat_scores, response_segments and search_text from its
   * responses (batches of ~2,000, each its own write transaction, in id order; never all in memory), then
   * records `zone`. Returns how many responses it read.
   */
  rebuild(org: string, zone: string, factsOf: (response: StoredResponse) => ResponseFacts, onProgress?: (done: number) => void): Promise<number>;
}

/**
 * The dashboard's numbers, read from the daily rollups: a year is 365 days'
 * rows per survey (and per member for a league), never a scan of responses.
 */
export function createStatsStore(db: Kysely<Tables>): StatsStore {
  const sums = STAT_COUNT_COLUMNS.map((c) => sql<number>`SUM(${sql.ref(c)})`.as(c));
  const days = (org: string, dim: string, range: DayRange, surveyIds: readonly number[] | undefined) => {
    let query = db.selectFrom('stat_days').where('org', '=', org).where('dim', '=', dim).where('day', '>=', range.first).where('day', '<=', range.last);
    if (surveyIds?.length) query = query.where('survey_id', 'in', [...surveyIds]);
    return query;
  };

  return {
    daily: async (org, range, surveyIds) => {
      const rows = await days(org, '', range, surveyIds).select('day').select(sums).groupBy('day').orderBy('day').execute();
      return rows.map((row) => ({ day: row.day, totals: statTotals(row) }));
    },

    league: async (org, dim, range, surveyIds) => {
      const rows = await days(org, dim, range, surveyIds).select('member').select(sums).groupBy('member').orderBy('member').execute();
      return rows.map((row) => ({ member: row.member, totals: statTotals(row) }));
    },

    scores: async (org, range, surveyIds) => {
      let query = db.selectFrom('stat_scores').where('org', '=', org).where('day', '>=', range.first).where('day', '<=', range.last);
      if (surveyIds?.length) query = query.where('survey_id', 'in', [...surveyIds]);
      const rows = await query
        .select(['survey_id', 'question_id', 'value', sql<number>`SUM(n)`.as('n')])
        .groupBy(['survey_id', 'question_id', 'value'])
        .orderBy('survey_id')
        .orderBy('question_id')
        .orderBy('value')
        .execute();
      return rows.map((row) => ({ survey_id: Number(row.survey_id), question_id: Number(row.question_id), value: Number(row.value), n: Number(row.n) }));
    },

    dimensions: async (org) => {
      // A loose index scan: each step seeks the next dim in the primary key, so an org with a
      // million rollup rows and four dims costs four seeks, not a read of every row.
      const { rows } = await sql<{ dim: string | null }>`
        WITH RECURSIVE dims(dim) AS (
          SELECT MIN(dim) FROM stat_days WHERE org = ${org} AND dim > ''
          UNION ALL
          SELECT (SELECT MIN(s.dim) FROM stat_days s WHERE s.org = ${org} AND s.dim > dims.dim) FROM dims WHERE dims.dim IS NOT NULL
        )
        SELECT dim FROM dims WHERE dim IS NOT NULL`.execute(db);
      return rows.map((row) => row.dim as string);
    },

    members: async (org, dim, limit) => {
      const rows = await db
        .selectFrom('stat_days')
        .where('org', '=', org)
        .where('dim', '=', dim)
        .select(['member', sql<number>`SUM(responses)`.as('n')])
        .groupBy('member')
        .orderBy('n', 'desc')
        .orderBy('member')
        .limit(limit)
        .execute();
      return rows.map((row) => ({ value: row.member, n: Number(row.n) }));
    },

    count: async (org, range, surveyIds, segment) => {
      let query = days(org, segment?.key ?? '', range, surveyIds);
      if (segment) query = query.where('member', '=', segment.value);
      const row = await query.select(sql<number | null>`SUM(responses)`.as('n')).executeTakeFirst();
      return Number(row?.n ?? 0);
    },

    zoneOf: async (org) => (await db.selectFrom('stat_zones').select('zone').where('org', '=', org).executeTakeFirst())?.zone,

    rebuild: (org, zone, factsOf, onProgress) => rebuildStats(db, org, zone, factsOf, onProgress),
  };
}
