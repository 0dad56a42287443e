import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import { RESPONSE_COLUMNS, type ResponseRow } from './response-rows';
import type { Tables } from './tables';

/** What the dashboard's list narrows by; every part but the org and period optional, all combined with AND. */
export interface BrowseFilter {
  org: string;
  /** ISO UTC instants, inclusive, on submitted_utc. */
  from: string;
  to: string;
  surveyIds?: readonly number[];
  segments?: readonly { key: string; value: string }[];
  /** Some NPS or CSAT answer of the response lies in min..max. */
  score?: { scale: 'nps' | 'csat'; min: number; max: number };
  /** Contains, case-insensitively, in the response's search text; `%` and `_` are literal. */
  text?: string;
}

/** Where a page ended: the next page starts strictly older than this. */
export interface BrowseCursor {
  submitted_utc: string;
  id: number;
}

export interface BrowseStore {
  /** Newest first by (submitted_utc, id), strictly older than `after`; up to `limit` rows. */
  page(filter: BrowseFilter, limit: number, after?: BrowseCursor): Promise<ResponseRow[]>;
  /** Every matching row, newest first, fetched in keyset chunks of `chunk` (default 1,000): for streaming exports of a million rows without holding them. */
  each(filter: BrowseFilter, chunk?: number): AsyncIterable<ResponseRow>;
  /** Responses of the org stored after `afterId` (by id), oldest first, up to limit: for live updates. */
  newerThan(org: string, afterId: number, limit: number): Promise<ResponseRow[]>;
  /** The org's greatest response id (0 when none). */
  lastId(org: string): Promise<number>;
}

/** The query's view of the tables: responses as `r`, segment rows as `s` and `o`, ratings as `g`. */
type Aliased = Tables & { r: Tables['responses'] };

/**
 * The dashboard's response list and exports. A page is a walk of one index,
 * newest first, that stops after `limit` matches: `responses_org_submitted`
 * (or its per-survey twin) for a period, `response_segments_member` when a
 * segment narrows it. Pages are keyset, not offset, so page 4,000 of an
 * export costs what page 1 does.
 */
export function createBrowseStore(db: Kysely<Tables>): BrowseStore {
  const page: BrowseStore['page'] = (filter, limit, after) => {
    const [first, ...others] = filter.segments ?? [];
    return first ? bySegment(db, filter, first, others, limit, after) : byTime(db, filter, limit, after);
  };

  return {
    page,

    each: async function* (filter, chunk = 1_000) {
      let after: BrowseCursor | undefined;
      for (;;) {
        const rows = await page(filter, chunk, after);
        yield* rows;
        const last = rows.at(-1);
        if (!last || rows.length < chunk) return;
        after = { submitted_utc: last.submitted_utc, id: last.id };
      }
    },

    newerThan: (org, afterId, limit) =>
      db.selectFrom('responses').select(RESPONSE_COLUMNS).where('org', '=', org).where('id', '>', afterId).orderBy('id').limit(limit).execute(),

    lastId: async (org) => {
      // Not MAX(id): SQLite answers that by reading all the org's index entries; this reads one.
      const row = await db.selectFrom('responses').select('id').where('org', '=', org).orderBy('id', 'desc').limit(1).executeTakeFirst();
      return row?.id ?? 0;
    },
  };
}

const COLUMNS = RESPONSE_COLUMNS.map((c) => `r.${c}` as const);

function byTime(db: Kysely<Tables>, filter: BrowseFilter, limit: number, after: BrowseCursor | undefined): Promise<ResponseRow[]> {
  let query = db
    .selectFrom('responses as r')
    .where('r.org', '=', filter.org)
    .where('r.submitted_utc', '>=', filter.from)
    .where('r.submitted_utc', '<=', upperBound(filter, after));
  // Spelt out with OR, not as a row value: with ANALYZE's per-value statistics SQLite would take the
  // tuple as the index range (skipping org), lose the index order and sort the whole period (2 s pages).
  if (after) query = query.where((eb) => eb.or([eb('r.submitted_utc', '<', after.submitted_utc), eb.and([eb('r.submitted_utc', '=', after.submitted_utc), eb('r.id', '<', after.id)])]));
  const conditions = rowConditions(filter);
  if (conditions) query = query.where((eb) => eb.and(conditions(eb)));
  return query
    .select(COLUMNS)
    .orderBy('r.submitted_utc', 'desc')
    .orderBy('r.id', 'desc')
    .limit(limit)
    .execute();
}

/** The first segment drives: its index rows are already in (submitted_utc, id) order for one member. */
function bySegment(
  db: Kysely<Tables>,
  filter: BrowseFilter,
  first: { key: string; value: string },
  others: readonly { key: string; value: string }[],
  limit: number,
  after: BrowseCursor | undefined,
): Promise<ResponseRow[]> {
  let query = db
    .selectFrom('response_segments as s')
    .innerJoin('responses as r', 'r.id', 's.response_id')
    .where('s.org', '=', filter.org)
    .where('s.key', '=', first.key)
    .where('s.value', '=', first.value)
    .where('s.submitted_utc', '>=', filter.from)
    .where('s.submitted_utc', '<=', upperBound(filter, after));
  if (after) query = query.where((eb) => eb.or([eb('s.submitted_utc', '<', after.submitted_utc), eb.and([eb('s.submitted_utc', '=', after.submitted_utc), eb('s.response_id', '<', after.id)])]));
  for (const { key, value } of others) {
    // A point lookup in the same index: every column of it is known for the response at hand.
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('response_segments as o')
          .select(sql.lit(1).as('one'))
          .whereRef('o.org', '=', 'r.org')
          .where('o.key', '=', key)
          .where('o.value', '=', value)
          .whereRef('o.submitted_utc', '=', 'r.submitted_utc')
          .whereRef('o.response_id', '=', 'r.id'),
      ),
    );
  }
  const conditions = rowConditions(filter);
  // The same conditions on the joined row; the builder's wider view of the tables is a narrower type only to TypeScript.
  if (conditions) query = query.where((eb) => eb.and(conditions(eb as unknown as ExpressionBuilder<Aliased, 'r'>)));
  return query
    .select(COLUMNS)
    .orderBy('s.submitted_utc', 'desc')
    .orderBy('s.response_id', 'desc')
    .limit(limit)
    .execute();
}

/**
 * Where the walk starts: the period's end, or the cursor's time when that is
 * earlier. The cursor as a row value alone only filters; as the range's
 * bound it lets page 300 of an export start where page 299 ended.
 */
function upperBound(filter: BrowseFilter, after: BrowseCursor | undefined): string {
  return after && after.submitted_utc < filter.to ? after.submitted_utc : filter.to;
}

/** Survey, score and text, checked on each row the walk meets; undefined when there are none. */
function rowConditions(filter: BrowseFilter): ((eb: ExpressionBuilder<Aliased, 'r'>) => Expression<SqlBool>[]) | undefined {
  const { surveyIds = [], score, text } = filter;
  if (surveyIds.length === 0 && !score && !text) return undefined;
  return (eb) => {
    const conditions: Expression<SqlBool>[] = [];
    // One survey as an equality: then its own index (org, survey_id, submitted_utc, id) can be walked in order.
    if (surveyIds.length === 1) conditions.push(eb('r.survey_id', '=', surveyIds[0] as number));
    else if (surveyIds.length > 1) conditions.push(eb('r.survey_id', 'in', [...surveyIds]));
    if (score) {
      const rated = eb
        .selectFrom('ratings as g')
        .select(sql.lit(1).as('one'))
        .whereRef('g.response_id', '=', 'r.id')
        .where('g.scale', '=', score.scale)
        .where('g.value', '>=', score.min)
        .where('g.value', '<=', score.max);
      conditions.push(eb.exists(rated));
    }
    if (text) conditions.push(sql<SqlBool>`${sql.ref('r.search_text')} LIKE ${`%${escapeLike(text.toLowerCase())}%`} ESCAPE '\\'`);
    return conditions;
  };
}

/** `%`, `_` and `\` in a search are literal characters, not wildcards. */
function escapeLike(text: string): string {
  return text.replace(/[%_\\]/g, (c) => `\\${c}`);
}
