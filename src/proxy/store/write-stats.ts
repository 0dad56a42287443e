import { sql, type Kysely } from 'kysely';
import { chunks } from './chunks';
import type { ResponseSegmentsTable } from './dashboard-tables';
import type { StatTally } from './stat-tally';
import { STAT_COUNT_COLUMNS } from './stat-totals';
import type { Tables } from './tables';

/**
 * Adds a tally's rollups and a batch's segment rows inside the caller's
 * transaction. Each rollup key occurs once per statement (the tally merged
 * them), which PostgreSQL's `ON CONFLICT DO UPDATE` requires, and the keys
 * come sorted, so two instances' batches lock shared rows in the same order.
 */
export async function writeStats(trx: Kysely<Tables>, tally: StatTally, segments: readonly ResponseSegmentsTable[]): Promise<void> {
  const added = (table: string) => Object.fromEntries(STAT_COUNT_COLUMNS.map((c) => [c, sql<number>`${sql.ref(`${table}.${c}`)} + ${sql.ref(`excluded.${c}`)}`]));
  for (const rows of chunks(tally.dayRows())) {
    await trx
      .insertInto('stat_days')
      .values(rows)
      .onConflict((oc) => oc.columns(['org', 'dim', 'day', 'member', 'survey_id']).doUpdateSet(added('stat_days')))
      .execute();
  }
  for (const rows of chunks(tally.scoreRows())) {
    await trx
      .insertInto('stat_scores')
      .values(rows)
      .onConflict((oc) => oc.columns(['org', 'day', 'survey_id', 'question_id', 'value']).doUpdateSet({ n: sql<number>`stat_scores.n + excluded.n` }))
      .execute();
  }
  for (const rows of chunks(segments)) await trx.insertInto('response_segments').values(rows).execute();
}
