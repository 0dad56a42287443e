import type { Kysely } from 'kysely';
import { ratedAnswers } from '../../shared/metrics/rated-answers';
import type { StoredResponse } from '../../shared/response-schema';
import type { Survey } from '../../shared/survey-schema';
import { writeTransaction } from './dialect';
import { createGroupCommit, type GroupCommitStats } from './group-commit';
import { insertResponses, type InsertResult, type NewResponse } from './insert-responses';
import { addRatings } from './rating-writes';
import type { ResponseFacts } from './response-facts';
import { derivedColumns, RESPONSE_COLUMNS, ratingRows, storedResponse, type ResponseRow } from './response-rows';
import type { Tables } from './tables';

export type { ResponseRow };

export type { InsertResult };

// Responses per transaction at most: one multi-row insert's worth (chunks.ts), and some 50 ms of
// writing on SQLite, so a batch never holds the write lock for long.
const MAX_BATCH = 500;

/** What `GET /feedback_responses` filters on; every part optional, all combined with AND. */
export interface ResponseFilter {
  /** ISO UTC instants, inclusive. */
  createdSince?: string;
  updatedSince?: string;
  /** Matched case-insensitively and exactly. */
  email?: string;
  surveyIds?: readonly number[];
  siteIds?: readonly number[];
  staffIds?: readonly number[];
  /** Only responses whose params were (true) or were not (false) signed and verified. */
  verified?: boolean;
}

export interface PageRequest {
  limit: number;
  offset: number;
}

export interface ResponseStore {
  /**
   * Stores a response once per UUID in one write transaction, with the ratings `/nps` and `/csat` count and
   * the dashboard's rollups, segment rows and search text, all from `facts` (see `responseFacts`).
   * `feedbackRequestId`: the request the response answers (its hosted link), linked for the API and response_rate.
   * Concurrent calls share a transaction (group commit); each settles only after the commit that holds its row.
   */
  insert(response: StoredResponse, bodyHash: string, facts: ResponseFacts, feedbackRequestId?: number | null): Promise<InsertResult>;
  /** Resolves once every insert called so far has settled: `Store.close` waits for it. */
  drain(): Promise<void>;
  /** How many transactions inserts have taken and how full they were (the bench and tests read it). */
  insertStats(): GroupCommitStats;
  /** True when some response answers this feedback request. */
  answersRequest(feedbackRequestId: number): Promise<boolean>;
  /** By the widget's UUID. */
  get(uuid: string): Promise<StoredResponse | undefined>;
  /** By the v1 API's integer id, within one org. */
  find(org: string, id: number): Promise<ResponseRow | undefined>;
  /** Newest first, with the total the filter matches. */
  list(org: string, filter: ResponseFilter, page: PageRequest): Promise<{ rows: ResponseRow[]; total: number }>;
  count(): Promise<number>;
  /**
   * Fills the derived columns and ratings of rows migrated from before the
   * v1 API, using the survey files to know which questions are NPS or CSAT.
   * Returns how many rows it indexed.
   */
  indexLegacy(surveyOf: (org: string, surveyId: number) => Survey | undefined): Promise<number>;
}

/** The responses room of the store: the only code that reads or writes the `responses` table. */
export function createResponseStore(db: Kysely<Tables>): ResponseStore {
  const selectByUuid = (q: Kysely<Tables>, uuid: string) => q.selectFrom('responses').selectAll().where('uuid', '=', uuid).executeTakeFirst();
  // Concurrent inserts share one transaction and one commit (fsync); see insertResponses.
  const inserts = createGroupCommit((batch: NewResponse[]) => insertResponses(db, batch), { maxBatch: MAX_BATCH });

  return {
    insert: (response, bodyHash, facts, feedbackRequestId = null) => inserts.submit({ response, bodyHash, facts, feedbackRequestId }),
    drain: () => inserts.drain(),
    insertStats: () => inserts.stats(),

    answersRequest: async (id) => (await db.selectFrom('responses').select('id').where('feedback_request_id', '=', id).limit(1).executeTakeFirst()) !== undefined,

    get: async (uuid) => {
      const row = await selectByUuid(db, uuid);
      return row ? storedResponse(row) : undefined;
    },

    find: (org, id) => db.selectFrom('responses').select(RESPONSE_COLUMNS).where('org', '=', org).where('id', '=', id).executeTakeFirst(),

    list: async (org, filter, page) => {
      let query = db.selectFrom('responses').where('org', '=', org);
      if (filter.createdSince !== undefined) query = query.where('received_at', '>=', filter.createdSince);
      if (filter.updatedSince !== undefined) query = query.where('updated_at', '>=', filter.updatedSince);
      if (filter.email !== undefined) query = query.where('email', '=', filter.email.trim().toLowerCase());
      if (filter.surveyIds?.length) query = query.where('survey_id', 'in', [...filter.surveyIds]);
      if (filter.siteIds?.length) query = query.where('site_id', 'in', [...filter.siteIds]);
      if (filter.staffIds?.length) query = query.where('staff_id', 'in', [...filter.staffIds]);
      if (filter.verified !== undefined) query = query.where('verified', '=', filter.verified ? 1 : 0);
      // The page's ids first, from an index alone, then only those rows: skipping 60,000 whole rows
      // to reach page 2,000 costs 16 ms on a million, skipping their index entries 2 ms.
      const pageIds = query.select('id').orderBy('id', 'desc').limit(page.limit).offset(page.offset);
      const rows = await db.selectFrom('responses').select(RESPONSE_COLUMNS).where('id', 'in', pageIds).orderBy('id', 'desc').execute();
      const total = isCountedPerSurvey(filter)
        ? await countedTotal(db, org, filter.surveyIds)
        : Number((await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      return { rows, total };
    },

    count: async () => Number((await db.selectFrom('responses').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),

    indexLegacy: async (surveyOf) => {
      let indexed = 0;
      for (;;) {
        const batch = await db.selectFrom('responses').selectAll().where('rated', '=', 0).orderBy('id').limit(500).execute();
        if (batch.length === 0) return indexed;
        await writeTransaction(db, async (trx) => {
          for (const row of batch) {
            const response = storedResponse(row);
            const derived = derivedColumns(response);
            const links = await linksFor(trx, row.org, response.segments);
            await trx.updateTable('responses').set({ ...derived, ...links, rated: 1 }).where('id', '=', row.id).execute();
            const survey = surveyOf(row.org, row.survey_id);
            const rated = survey ? ratedAnswers(survey.questions, response.answers) : [];
            await addRatings(trx, ratingRows({ ...row, ...derived, ...links }, rated));
          }
        });
        indexed += batch.length;
      }
    },
  };
}

/** The site and staff member a response's codes name, when they exist yet. */
async function linksFor(db: Kysely<Tables>, org: string, segments: Record<string, string>) {
  const site = segments.site_code
    ? await db.selectFrom('sites').select('id').where('org', '=', org).where('site_code', '=', segments.site_code).executeTakeFirst()
    : undefined;
  const staff = segments.staff_code
    ? await db.selectFrom('staff').select('id').where('org', '=', org).where('code', '=', segments.staff_code).executeTakeFirst()
    : undefined;
  return { site_id: site?.id ?? null, staff_id: staff?.id ?? null };
}

/** No filter, or only surveys: the per-survey counters answer, so a million rows are never counted one by one. */
function isCountedPerSurvey(f: ResponseFilter): boolean {
  return f.createdSince === undefined && f.updatedSince === undefined && f.email === undefined && !f.siteIds?.length && !f.staffIds?.length && f.verified === undefined;
}

async function countedTotal(db: Kysely<Tables>, org: string, surveyIds: readonly number[] | undefined): Promise<number> {
  let query = db.selectFrom('response_counts').where('org', '=', org);
  if (surveyIds?.length) query = query.where('survey_id', 'in', [...surveyIds]);
  const { n } = await query.select((eb) => eb.fn.sum<number | null>('n').as('n')).executeTakeFirstOrThrow();
  return Number(n ?? 0);
}

