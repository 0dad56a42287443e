import Database from 'better-sqlite3';
import { npsResult, type NpsResult } from '../../src/shared/metrics/nps';
import { daySpans, type DaySpan } from '../../src/shared/periods/day-span';
import { trendBuckets } from '../../src/shared/periods/trend-buckets';
import { readDatasetFacts } from './dataset-facts';

/** A list filter the bench asks for, and the rows it must return, read with plain SQL. */
export interface ListFacts {
  /** Ids in list order (newest first by submitted_utc, then id), as many as the bench pages through. */
  ids: number[];
}

/** What the dashboard's replies must agree with, read from the raw tables, never from its rollups. */
export interface DashboardFacts {
  year: DaySpan;
  month: DaySpan;
  /** Responses submitted in the span: what the rollups must add up to. */
  yearResponses: number;
  monthResponses: number;
  /** Trend points the year has in weeks, the month in days. */
  yearWeeks: number;
  monthDays: number;
  /** NPS over the year from the ratings table, as the v1 API counts it. */
  yearNps: NpsResult;
  /** Responses per member over the year, for each league dimension. */
  yearMembers: Record<'site_code' | 'staff_code', Map<string, number>>;
  /** The year, newest first: its first page. */
  yearList: ListFacts;
  /** The year at Newcastle with an NPS answer 0-6: pages 1-3. */
  filteredList: ListFacts;
  /** The month with "delivery" in the search text: its first page. */
  searchList: ListFacts;
  /** How big the dashboard's derived tables are, for the summary. */
  rollupRows: { statDays: number; statScores: number; segments: number };
}

/** The filtered list the bench times: one site, the NPS detractors. */
export const FILTERED = { site: 'newcastle', scale: 'nps', min: 0, max: 6 } as const;
export const SEARCH = 'delivery';

/**
 * Reads, once and read-only, what each timed reply is checked against: a
 * rollup that lost a day, a list that skipped a row or a search that missed
 * one shows up as a wrong reply. Takes a few seconds (a scan per league).
 */
export function readDashboardFacts(path: string, org: string, now: Date, zone: string): DashboardFacts {
  const year = daySpans({ period: '12-months' }, now, zone).current;
  const month = daySpans({ period: '30-days' }, now, zone).current;
  const db = new Database(path, { readonly: true });
  const facts = readDatasetFacts(path, org);
  try {
    const inSpan = (span: DaySpan) => [org, span.from.toISOString(), span.to.toISOString()];
    const count = (span: DaySpan) =>
      (db.prepare('SELECT COUNT(*) AS n FROM responses WHERE org = ? AND submitted_utc BETWEEN ? AND ?').get(...inSpan(span)) as { n: number }).n;
    const ids = (span: DaySpan, where: string, limit: number, ...params: unknown[]) =>
      (
        db
          .prepare(`SELECT id FROM responses r WHERE org = ? AND submitted_utc BETWEEN ? AND ? ${where} ORDER BY submitted_utc DESC, id DESC LIMIT ?`)
          .all(...inSpan(span), ...params, limit) as { id: number }[]
      ).map((r) => r.id);
    const members = (column: 'site_code' | 'staff_code') =>
      new Map(
        (db.prepare(`SELECT ${column} AS member, COUNT(*) AS n FROM responses WHERE org = ? AND submitted_utc BETWEEN ? AND ? AND ${column} IS NOT NULL GROUP BY ${column}`).all(
          ...inSpan(year),
        ) as { member: string; n: number }[]).map((r) => [r.member, r.n]),
      );
    const rowsIn = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE org = ?`).get(org) as { n: number }).n;
    const rated = 'AND EXISTS (SELECT 1 FROM ratings g WHERE g.response_id = r.id AND g.scale = ? AND g.value BETWEEN ? AND ?)';
    return {
      year,
      month,
      yearResponses: count(year),
      monthResponses: count(month),
      yearWeeks: trendBuckets(year.first, year.last, 'week').length,
      monthDays: trendBuckets(month.first, month.last, 'day').length,
      yearNps: npsResult(facts.ratingCounts({ scale: 'nps', from: year.from, to: year.to })),
      yearMembers: { site_code: members('site_code'), staff_code: members('staff_code') },
      yearList: { ids: ids(year, '', 25) },
      filteredList: { ids: ids(year, `AND site_code = ? ${rated}`, 75, FILTERED.site, FILTERED.scale, FILTERED.min, FILTERED.max) },
      searchList: { ids: ids(month, 'AND search_text LIKE ?', 25, `%${SEARCH}%`) },
      rollupRows: { statDays: rowsIn('stat_days'), statScores: rowsIn('stat_scores'), segments: rowsIn('response_segments') },
    };
  } finally {
    facts.close();
    db.close();
  }
}
