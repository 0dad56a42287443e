import { sql, type Kysely } from 'kysely';
import { chunks } from './chunks';
import { inLockOrder } from './in-lock-order';
import type { RatingDaysTable, RatingsTable, Tables } from './tables';

/**
 * Adds ratings and counts each in its UTC day, inside the caller's
 * transaction, so the daily counts never disagree with the rows. A batch's
 * ratings are written in multi-row statements, its day counts added up first:
 * one upsert per (org, scale, day, survey, value), in lock order.
 */
export async function addRatings(trx: Kysely<Tables>, rows: readonly RatingsTable[]): Promise<void> {
  if (rows.length === 0) return;
  for (const slice of chunks(rows)) await trx.insertInto('ratings').values(slice).execute();
  const days = new Map<string, RatingDaysTable>();
  for (const r of rows) {
    const day = r.submitted_utc.slice(0, 10);
    const key = `${r.org}\0${r.scale}\0${day}\0${r.survey_id}\0${r.value}`;
    const counted = days.get(key);
    if (counted) counted.n += 1;
    else days.set(key, { org: r.org, scale: r.scale, survey_id: r.survey_id, day, value: r.value, n: 1 });
  }
  for (const slice of chunks(inLockOrder(days))) {
    await trx
      .insertInto('rating_days')
      .values(slice)
      .onConflict((oc) => oc.columns(['org', 'scale', 'day', 'survey_id', 'value']).doUpdateSet({ n: sql`rating_days.n + excluded.n` }))
      .execute();
  }
}
