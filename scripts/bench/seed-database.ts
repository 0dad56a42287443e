import Database from 'better-sqlite3';
import { bodyHash } from '../../src/proxy/body-hash';
import { openStore } from '../../src/proxy/store/open-store';
import { ratingRows, responseRow } from '../../src/proxy/store/response-rows';
import type { SurveyCatalog } from '../../src/proxy/survey-catalog';
import { validateResponse } from '../../src/proxy/validate-response';
import { ratedAnswers } from '../../src/shared/metrics/rated-answers';
import { BENCH_ORG } from './bench-catalog';
import { BENCH_SITES, BENCH_STAFF } from './bench-people';
import { createPayloadFaker } from './fake-payload';
import { seededRandom } from './seeded-random';

export interface SeedPlan {
  responses: number;
  /** Responses arrive evenly over this many days, ending just before `until`. */
  days: number;
  until: Date;
  seed: number;
}

const BATCH = 25_000;
const DAY_MS = 86_400_000;

/**
 * Fills a fresh SQLite file with `plan.responses` responses exactly as the
 * proxy would have stored them, only faster. Each body goes through the
 * proxy's own pure steps (`validateResponse`, `bodyHash`, `ratedAnswers`,
 * `responseRow`, `ratingRows`); sites and staff are created through the store
 * first so the rows carry their links; `rating_days` and `response_counts` get
 * the totals the one-by-one upserts would have reached. What differs is only
 * the writing: one fsync'd transaction per response would take hours, so rows
 * go in through prepared statements, 25,000 per transaction, with no journal.
 */
export async function seedDatabase(path: string, catalog: SurveyCatalog, plan: SeedPlan, progress: (done: number) => void): Promise<void> {
  const { siteIds, staffIds } = await createSitesAndStaff(path, plan.until);
  const db = new Database(path);
  try {
    // Safe only because an interrupted seed is thrown away: the cache's version file is written last.
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -1000000'); // 1 GB: the random uuid and email indexes stay in memory
    db.pragma('temp_store = MEMORY');

    const fake = createPayloadFaker(seededRandom(plan.seed));
    const toRow = createRowBuilder(catalog, siteIds, staffIds);
    const start = plan.until.getTime() - plan.days * DAY_MS;
    const slot = (plan.days * DAY_MS) / plan.responses;
    let insertResponse: Database.Statement | undefined;
    let insertRating: Database.Statement | undefined;
    const days = new Map<string, number>();
    const perSurvey = new Map<number, number>();

    const insertBatch = db.transaction((from: number, to: number) => {
      for (let i = from; i < to; i++) {
        // Arrival order is id order, as in the proxy: each response lands in its own slot of time.
        const { body, receivedAt } = fake(Math.floor(start + (i + 0.999 * seededFraction(i)) * slot));
        const { row, rated, links } = toRow(body, receivedAt);
        insertResponse ??= db.prepare(namedInsert('responses', Object.keys(row)));
        const id = Number(insertResponse.run(row).lastInsertRowid);
        perSurvey.set(row.survey_id, (perSurvey.get(row.survey_id) ?? 0) + 1);
        const ratings = ratingRows({ ...links, id, org: row.org, survey_id: row.survey_id, company_name: row.company_name ?? null, submitted_utc: row.submitted_utc }, rated);
        for (const rating of ratings) {
          insertRating ??= db.prepare(namedInsert('ratings', Object.keys(rating)));
          insertRating.run(rating);
          const key = JSON.stringify([rating.org, rating.scale, rating.submitted_utc.slice(0, 10), rating.survey_id, rating.value]);
          days.set(key, (days.get(key) ?? 0) + 1);
        }
      }
    });
    for (let from = 0; from < plan.responses; from += BATCH) {
      insertBatch(from, Math.min(from + BATCH, plan.responses));
      progress(Math.min(from + BATCH, plan.responses));
    }

    writeTotals(db, days, perSurvey);
    db.exec('ANALYZE');
    db.pragma('optimize');
    db.pragma('journal_mode = WAL'); // what openSqlite sets; done here so the bench's first open has nothing to convert
  } finally {
    db.close();
  }
}

/**
 * What `POST /v1/responses` and `ResponseStore.insert` make of a body, minus
 * the database: validation, the body hash, the ratings, the links by code.
 */
function createRowBuilder(catalog: SurveyCatalog, siteIds: ReadonlyMap<string, number>, staffIds: ReadonlyMap<string, number>) {
  const lookup = (org: string, code: string) => catalog.get(org, code);
  return (body: unknown, receivedAt: string) => {
    const checked = validateResponse(body, lookup);
    if (!checked.ok) throw new Error(`a fake response is invalid: ${JSON.stringify(checked.body)}`);
    const response = { ...checked.value, received_at: receivedAt };
    const rated = ratedAnswers(catalog.get(response.org, response.survey)!.questions, response.answers);
    const links = {
      site_id: response.segments.site_code ? (siteIds.get(response.segments.site_code) ?? null) : null,
      staff_id: response.segments.staff_code ? (staffIds.get(response.segments.staff_code) ?? null) : null,
    };
    return { row: responseRow(response, bodyHash(checked.value), links), rated, links };
  };
}

/** Migrates the new file and creates the sites and staff through the store, as the API would; returns their ids by code. */
async function createSitesAndStaff(path: string, now: Date) {
  const store = await openStore(path);
  const siteIds = new Map<string, number>();
  const staffIds = new Map<string, number>();
  try {
    for (const { weight: _share, ...fields } of BENCH_SITES) {
      const row = await store.sites.create(BENCH_ORG, fields, now);
      if ('taken' in row) throw new Error(`site code ${row.taken} is taken`);
      siteIds.set(row.site_code, row.id);
    }
    for (const fields of BENCH_STAFF) {
      const row = await store.staff.create(BENCH_ORG, fields, now);
      if ('taken' in row) throw new Error(`staff code ${row.taken} is taken`);
      staffIds.set(row.code, row.id);
    }
  } finally {
    await store.close();
  }
  return { siteIds, staffIds };
}

/** The totals the proxy's per-response upserts (rating-writes.ts, response-store.ts) would have added up to. */
function writeTotals(db: Database.Database, days: ReadonlyMap<string, number>, perSurvey: ReadonlyMap<number, number>): void {
  db.transaction(() => {
    const day = db.prepare(`INSERT INTO rating_days (org, scale, day, survey_id, value, n) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (org, scale, day, survey_id, value) DO UPDATE SET n = rating_days.n + excluded.n`);
    for (const [key, n] of days) day.run(...(JSON.parse(key) as unknown[]), n);
    const count = db.prepare(`INSERT INTO response_counts (org, survey_id, n) VALUES (?, ?, ?)
      ON CONFLICT (org, survey_id) DO UPDATE SET n = response_counts.n + excluded.n`);
    for (const [surveyId, n] of perSurvey) count.run(BENCH_ORG, surveyId, n);
  })();
}

function namedInsert(table: string, columns: string[]): string {
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`;
}

/** Where in its slot response `i` arrives: a fixed scatter (a hash of `i`), so arrivals are not evenly spaced. */
function seededFraction(i: number): number {
  let h = Math.imul(i ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) / 4_294_967_296;
}
