import { sql, type Kysely, type Transaction } from 'kysely';
import { metricAnswers } from '../../shared/metrics/rated-answers';
import type { StoredResponse } from '../../shared/response-schema';
import { chunks } from './chunks';
import { isRetryableTransaction, writeTransaction } from './dialect';
import { enqueueWebhookEvents } from './enqueue-webhook-event';
import type { Settled } from './group-commit';
import { inLockOrder } from './in-lock-order';
import { addRatings } from './rating-writes';
import type { ResponseFacts } from './response-facts';
import { ratingRows, responseRow, storedResponse, STORED_RESPONSE_COLUMNS } from './response-rows';
import { createStatTally, segmentRows } from './stat-tally';
import type { ResponseCountsTable, Tables } from './tables';
import { writeStats } from './write-stats';

/** What `ResponseStore.insert` is given for one response. */
export interface NewResponse {
  response: StoredResponse;
  bodyHash: string;
  facts: ResponseFacts;
  feedbackRequestId: number | null;
}

export type InsertResult =
  | { status: 'created'; response: StoredResponse }
  /** The same id with the same body: a retry; the first stored copy is returned. */
  | { status: 'duplicate'; response: StoredResponse }
  /** The same id with a different body: never overwritten. */
  | { status: 'conflict' };

// A deadlock or serialization failure on PostgreSQL rolled the whole batch back: it is safe to run again.
const ATTEMPTS = 4;

/**
 * Stores a batch of responses in one write transaction, so one commit (one
 * fsync) acknowledges them all. Each response gets what inserting it alone
 * would have given, in order: the first of a UUID is `created`, a later one
 * (even in the same batch) `duplicate` or `conflict`. The batch is written in
 * multi-row statements with its rollups added up first; if any statement
 * fails, the batch is written again one response at a time, each in a
 * savepoint of its own, so a response that cannot be stored fails alone.
 * Throws (nothing stored) when the transaction itself fails.
 */
export async function insertResponses(db: Kysely<Tables>, batch: readonly NewResponse[]): Promise<Settled<InsertResult>[]> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await writeTransaction(db, (trx) => writeBatch(trx, batch));
    } catch (error) {
      if (attempt >= ATTEMPTS || !isRetryableTransaction(error)) throw error;
    }
  }
}

async function writeBatch(trx: Transaction<Tables>, batch: readonly NewResponse[]): Promise<Settled<InsertResult>[]> {
  // Alone, a response's failure may as well fail its transaction: no savepoint (two round trips on PostgreSQL).
  if (batch.length === 1) return (await writeResponses(trx, batch)).map((value) => ({ ok: true, value }));
  const together = await inSavepoint(trx, 'batch', () => writeResponses(trx, batch));
  if (together.ok) return together.value.map((value) => ({ ok: true, value }));
  const settled: Settled<InsertResult>[] = [];
  for (const item of batch) {
    const alone = await inSavepoint(trx, 'item', () => writeResponses(trx, [item]));
    settled.push(alone.ok ? { ok: true, value: alone.value[0]! } : alone);
  }
  return settled;
}

/**
 * Runs `work` inside a savepoint: its failure undoes its writes alone and is
 * returned, not thrown. A failure the savepoint cannot contain (a deadlock to
 * retry, a transaction the database already rolled back) is thrown.
 */
async function inSavepoint<T>(trx: Transaction<Tables>, name: string, work: () => Promise<T>): Promise<Settled<T>> {
  await sql`SAVEPOINT ${sql.id(name)}`.execute(trx);
  try {
    const value = await work();
    await sql`RELEASE SAVEPOINT ${sql.id(name)}`.execute(trx);
    return { ok: true, value };
  } catch (error) {
    if (isRetryableTransaction(error)) throw error;
    await sql`ROLLBACK TO SAVEPOINT ${sql.id(name)}`.execute(trx).catch(() => Promise.reject(error));
    await sql`RELEASE SAVEPOINT ${sql.id(name)}`.execute(trx);
    return { ok: false, error };
  }
}

/** Writes `batch` in multi-row statements and answers each response; throws on any failure. */
async function writeResponses(trx: Kysely<Tables>, batch: readonly NewResponse[]): Promise<InsertResult[]> {
  const links = await linksFor(trx, batch);
  // Only the first of a UUID is offered for insert; a later one is answered from the stored row, as if it came next.
  const firsts = new Map<string, NewResponse>();
  for (const item of batch) if (!firsts.has(item.response.id)) firsts.set(item.response.id, item);
  const rows = [...firsts.values()].map(({ response, bodyHash, facts, feedbackRequestId }) => {
    const row = responseRow(response, bodyHash, links(response));
    row.feedback_request_id = feedbackRequestId;
    row.search_text = facts.searchText;
    return row;
  });
  const ids = new Map<string, number>();
  for (const slice of chunks(rows)) {
    const inserted = await trx.insertInto('responses').values(slice).onConflict((oc) => oc.column('uuid').doNothing()).returning(['id', 'uuid']).execute();
    for (const { id, uuid } of inserted) ids.set(uuid, id);
  }
  const created: Created[] = [];
  for (const row of rows) {
    const id = ids.get(row.uuid);
    if (id !== undefined) created.push({ id, row, item: firsts.get(row.uuid)! });
  }
  if (created.length > 0) await addDerivedRows(trx, created);
  const isCreated = (item: NewResponse) => ids.has(item.response.id) && firsts.get(item.response.id) === item;
  const stored = await storedRows(trx, batch.filter((item) => !isCreated(item)).map((item) => item.response.id));
  return batch.map((item): InsertResult => {
    if (isCreated(item)) return { status: 'created', response: asStored(item.response) };
    const row = stored.get(item.response.id)!;
    return row.body_hash === item.bodyHash ? { status: 'duplicate', response: storedResponse(row) } : { status: 'conflict' };
  });
}

/** A response this batch stored: its new id, its row and what it was given. */
interface Created {
  id: number;
  row: ReturnType<typeof responseRow>;
  item: NewResponse;
}

/**
 * What moves with the new rows, so it never disagrees with them: ratings, the
 * dashboard's rollups and segment rows, the per-survey counts, and webhook
 * events (a stored response always reaches its subscribers).
 */
async function addDerivedRows(trx: Kysely<Tables>, created: readonly Created[]): Promise<void> {
  const ratings = created.flatMap(({ id, row, item }) => {
    const rated = metricAnswers(item.facts.scored);
    if (rated.length === 0) return [];
    const { org, survey_id, site_id = null, staff_id = null, company_name = null, submitted_utc } = row;
    return ratingRows({ id, org, survey_id, site_id, staff_id, company_name, submitted_utc }, rated);
  });
  await addRatings(trx, ratings);
  const tally = createStatTally();
  for (const { item } of created) tally.add(item.response, item.facts);
  await writeStats(trx, tally, created.flatMap(({ id, row, item }) => segmentRows(item.response, id, row.submitted_utc)));
  const counts = new Map<string, ResponseCountsTable>();
  for (const { row } of created) {
    const key = `${row.org}\0${row.survey_id}`;
    const counted = counts.get(key);
    if (counted) counted.n += 1;
    else counts.set(key, { org: row.org, survey_id: row.survey_id, n: 1 });
  }
  await trx
    .insertInto('response_counts')
    .values(inLockOrder(counts))
    .onConflict((oc) => oc.columns(['org', 'survey_id']).doUpdateSet({ n: sql`response_counts.n + excluded.n` }))
    .execute();
  await enqueueWebhookEvents(
    trx,
    created.map(({ id, row }) => ({ org: row.org, type: 'response.created', subjectId: id, now: new Date(row.received_at) })),
  );
}

/** The site and staff member each response's codes name, when they exist yet: two queries for the whole batch. */
async function linksFor(trx: Kysely<Tables>, batch: readonly NewResponse[]) {
  const orgs = new Set<string>();
  const siteCodes = new Set<string>();
  const staffCodes = new Set<string>();
  for (const { response } of batch) {
    orgs.add(response.org);
    if (response.segments.site_code) siteCodes.add(response.segments.site_code);
    if (response.segments.staff_code) staffCodes.add(response.segments.staff_code);
  }
  const sites = siteCodes.size
    ? await trx.selectFrom('sites').select(['id', 'org', 'site_code as code']).where('org', 'in', [...orgs]).where('site_code', 'in', [...siteCodes]).execute()
    : [];
  const staff = staffCodes.size
    ? await trx.selectFrom('staff').select(['id', 'org', 'code']).where('org', 'in', [...orgs]).where('code', 'in', [...staffCodes]).execute()
    : [];
  const siteIds = new Map(sites.map((s) => [`${s.org}\0${s.code}`, s.id]));
  const staffIds = new Map(staff.map((s) => [`${s.org}\0${s.code}`, s.id]));
  return ({ org, segments }: StoredResponse) => ({
    site_id: segments.site_code ? (siteIds.get(`${org}\0${segments.site_code}`) ?? null) : null,
    staff_id: segments.staff_code ? (staffIds.get(`${org}\0${segments.staff_code}`) ?? null) : null,
  });
}

/** The stored rows of `uuids` (retries and conflicts), by UUID. */
async function storedRows(trx: Kysely<Tables>, uuids: readonly string[]) {
  const rows = new Map<string, Awaited<ReturnType<typeof selectStored>>[number]>();
  for (const slice of chunks([...new Set(uuids)])) for (const row of await selectStored(trx, slice)) rows.set(row.uuid, row);
  return rows;
}

function selectStored(trx: Kysely<Tables>, uuids: readonly string[]) {
  return trx.selectFrom('responses').select([...STORED_RESPONSE_COLUMNS, 'body_hash']).where('uuid', 'in', [...uuids]).execute();
}

/** A new response as `storedResponse` would read it back: the same fields in the same order, without the round trip. */
function asStored(r: StoredResponse): StoredResponse {
  return {
    id: r.id,
    org: r.org,
    survey: r.survey,
    survey_id: r.survey_id,
    answers: r.answers,
    customer: r.customer,
    segments: r.segments,
    metadata: r.metadata,
    reference: r.reference,
    machine_id: r.machine_id,
    locale: r.locale,
    page_url: r.page_url,
    submitted_at: r.submitted_at,
    received_at: r.received_at,
    verified: r.verified,
  };
}
