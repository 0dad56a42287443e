import { statSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { RatingCounts } from '../../src/shared/metrics/rating-counts';

/** Where a rating count is taken: one scale, an inclusive instant range, optionally one site. */
export interface RatingQuery {
  scale: 'nps' | 'csat';
  from: Date;
  to: Date;
  siteId?: number;
}

/** What the replies must agree with, read straight from the tables, never through the app. */
export interface DatasetFacts {
  fileBytes: number;
  responses: number;
  perSurvey: { surveyId: number; n: number }[];
  ratings: { nps: number; csat: number };
  sites: number;
  staff: number;
  distinctEmails: number;
  firstReceived: string;
  lastReceived: string;
  maxId: number;
  /** The first id on `page` of the unfiltered list, 30 a page, newest first. */
  firstIdOnPage(page: number): number | undefined;
  siteId(code: string): number;
  /** Responses of one site, and its newest id. */
  siteResponses(siteId: number): { n: number; maxId: number };
  emailResponses(email: string): number;
  ratingCounts(query: RatingQuery): RatingCounts;
}

/**
 * Opens the file read-only and answers `DatasetFacts` with plain SQL, so a
 * reply the app computed wrongly (a count off, a page shifted) is caught.
 * Call `close()` when done.
 */
export function readDatasetFacts(path: string, org: string): DatasetFacts & { close(): void } {
  const db = new Database(path, { readonly: true });
  const one = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).get(...params) as T;
  const received = one<{ first: string; last: string }>('SELECT MIN(received_at) AS first, MAX(received_at) AS last FROM responses WHERE org = ?', org);
  const ratings = db.prepare('SELECT scale, COUNT(*) AS n FROM ratings WHERE org = ? GROUP BY scale').all(org) as { scale: string; n: number }[];
  return {
    fileBytes: statSync(path).size,
    responses: one<{ n: number }>('SELECT COUNT(*) AS n FROM responses WHERE org = ?', org).n,
    perSurvey: db.prepare('SELECT survey_id AS surveyId, COUNT(*) AS n FROM responses WHERE org = ? GROUP BY survey_id ORDER BY survey_id').all(org) as {
      surveyId: number;
      n: number;
    }[],
    ratings: { nps: ratings.find((r) => r.scale === 'nps')?.n ?? 0, csat: ratings.find((r) => r.scale === 'csat')?.n ?? 0 },
    sites: one<{ n: number }>('SELECT COUNT(*) AS n FROM sites WHERE org = ?', org).n,
    staff: one<{ n: number }>('SELECT COUNT(*) AS n FROM staff WHERE org = ?', org).n,
    distinctEmails: one<{ n: number }>('SELECT COUNT(DISTINCT email) AS n FROM responses WHERE org = ?', org).n,
    firstReceived: received.first,
    lastReceived: received.last,
    maxId: one<{ id: number }>('SELECT MAX(id) AS id FROM responses WHERE org = ?', org).id,
    firstIdOnPage: (page) => one<{ id: number } | undefined>('SELECT id FROM responses WHERE org = ? ORDER BY id DESC LIMIT 1 OFFSET ?', org, (page - 1) * 30)?.id,
    siteId: (code) => one<{ id: number }>('SELECT id FROM sites WHERE org = ? AND site_code = ?', org, code).id,
    siteResponses: (siteId) => one<{ n: number; maxId: number }>('SELECT COUNT(*) AS n, MAX(id) AS maxId FROM responses WHERE org = ? AND site_id = ?', org, siteId),
    emailResponses: (email) => one<{ n: number }>('SELECT COUNT(*) AS n FROM responses WHERE org = ? AND email = ?', org, email).n,
    ratingCounts: ({ scale, from, to, siteId }) => {
      const rows = db
        .prepare(
          `SELECT value, COUNT(*) AS n FROM ratings WHERE org = ? AND scale = ? AND submitted_utc BETWEEN ? AND ?
           ${siteId === undefined ? '' : 'AND site_id = ?'} GROUP BY value`,
        )
        .all(org, scale, from.toISOString(), to.toISOString(), ...(siteId === undefined ? [] : [siteId])) as { value: number; n: number }[];
      return new Map(rows.map((r) => [r.value, r.n]));
    },
    close: () => db.close(),
  };
}
