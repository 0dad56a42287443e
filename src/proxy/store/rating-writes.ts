import { sql, type Kysely } from 'kysely';
import type { RatingsTable, Tables } from './tables';

/**
 * Adds ratings and counts each in its UTC day, inside the caller's
 * transaction, so the daily counts never disagree with the rows.
 */
export async function addRatings(trx: Kysely<Tables>, rows: readonly RatingsTable[]): Promise<void> {
  if (rows.length === 0) return;
  await trx.insertInto('ratings').values([...rows]).execute();
  for (const r of rows) {
    await trx
      .insertInto('rating_days')
      .values({ org: r.org, scale: r.scale, survey_id: r.survey_id, day: r.submitted_utc.slice(0, 10), value: r.value, n: 1 })
      .onConflict((oc) => oc.columns(['org', 'scale', 'day', 'survey_id', 'value']).doUpdateSet({ n: sql`rating_days.n + 1` }))
      .execute();
  }
}
