import { sql, type Kysely } from 'kysely';
import type { StoredResponse } from '../../shared/response-schema';
import { writeTransaction } from './dialect';
import type { ResponseSegmentsTable } from './dashboard-tables';
import type { ResponseFacts } from './response-facts';
import { STORED_RESPONSE_COLUMNS, storedResponse } from './response-rows';
import { createStatTally, segmentRows } from './stat-tally';
import type { Tables } from './tables';
import { writeStats } from './write-stats';

const BATCH = 2_000;
// Search texts per UPDATE: three bound parameters each.
const TEXT_CHUNK = 500;

/**
 * `StatsStore.rebuild`: recounts an org's rollups, segment rows and search
 * text from its responses, for responses stored before the dashboard existed
 * and after its zone changed.
 *
 * The first transaction clears what is derived, forgets the zone and fixes
 * the last id to read; a response stored after it carries its own rollups
 * from insert, so nothing is counted twice. Each batch is then its own write
 * transaction, adding up its rows in memory first, so other writers wait at
 * most one batch and memory holds one batch. The zone is recorded last: a
 * rebuild cut short leaves none, and the next start rebuilds again.
 */
export async function rebuildStats(
  db: Kysely<Tables>,
  org: string,
  zone: string,
  factsOf: (response: StoredResponse) => ResponseFacts,
  onProgress?: (done: number) => void,
): Promise<number> {
  const lastId = await writeTransaction(db, async (trx) => {
    for (const table of ['stat_zones', 'stat_days', 'stat_scores', 'response_segments'] as const) await trx.deleteFrom(table).where('org', '=', org).execute();
    const row = await trx.selectFrom('responses').select('id').where('org', '=', org).orderBy('id', 'desc').limit(1).executeTakeFirst();
    return row?.id ?? 0;
  });
  let afterId = 0;
  let done = 0;
  for (;;) {
    const read = await writeTransaction(db, (trx) => rebuildBatch(trx, org, { afterId, lastId }, factsOf));
    if (read.lastId === undefined) break;
    afterId = read.lastId;
    done += read.count;
    onProgress?.(done);
  }
  await db
    .insertInto('stat_zones')
    .values({ org, zone })
    .onConflict((oc) => oc.column('org').doUpdateSet({ zone }))
    .execute();
  // Fresh statistics, so the planner knows an org is most of its table and walks the dashboard's
  // indexes rather than sorting; without them SQLite guesses a few rows per org. The same words on PostgreSQL.
  if (done > 0) for (const table of ['responses', 'response_segments', 'stat_days', 'stat_scores'] as const) await sql`ANALYZE ${sql.table(table)}`.execute(db);
  return done;
}

/** The next batch after `afterId` (up to `lastId`): read, counted in memory, written. */
async function rebuildBatch(
  trx: Kysely<Tables>,
  org: string,
  ids: { afterId: number; lastId: number },
  factsOf: (response: StoredResponse) => ResponseFacts,
): Promise<{ count: number; lastId: number | undefined }> {
  const rows = await trx
    .selectFrom('responses')
    // Only what a response is rebuilt from: each column read costs about half a microsecond a row.
    .select(['id', 'submitted_utc', ...STORED_RESPONSE_COLUMNS])
    .where('org', '=', org)
    .where('id', '>', ids.afterId)
    .where('id', '<=', ids.lastId)
    .orderBy('id')
    .limit(BATCH)
    .execute();
  const tally = createStatTally();
  const segments: ResponseSegmentsTable[] = [];
  const texts: { id: number; text: string }[] = [];
  for (const row of rows) {
    const response = storedResponse(row);
    const facts = factsOf(response);
    tally.add(response, facts);
    segments.push(...segmentRows(response, row.id, row.submitted_utc));
    texts.push({ id: row.id, text: facts.searchText });
  }
  await writeStats(trx, tally, segments);
  for (let i = 0; i < texts.length; i += TEXT_CHUNK) await setSearchTexts(trx, texts.slice(i, i + TEXT_CHUNK));
  return { count: rows.length, lastId: rows.at(-1)?.id };
}

/**
 * Many rows' search text in one statement: one UPDATE per row costs a
 * compile each, and a CASE over 500 ids compares each row with every id.
 * UPDATE … FROM a VALUES list joins instead, on SQLite (3.33+) and
 * PostgreSQL alike. The CAST sits on the list's side: PostgreSQL reads the
 * list's ids as text, and SQLite, given a cast id in the list, would scan
 * the table rather than look each row up by id.
 */
async function setSearchTexts(trx: Kysely<Tables>, texts: readonly { id: number; text: string }[]): Promise<void> {
  if (texts.length === 0) return;
  const values = sql.join(texts.map(({ id, text }) => sql`(${id}, ${text})`));
  await sql`WITH v(id, text) AS (VALUES ${values})
    UPDATE responses SET search_text = v.text FROM v WHERE responses.id = CAST(v.id AS INTEGER)`.execute(trx);
}
