import type { Kysely } from 'kysely';

/**
 * What the results dashboard reads (issue 11): daily rollups per org-local
 * day (`stat_days`, `stat_scores`, and the zone they were counted in), a row
 * per response segment so a filtered list walks an index newest first, the
 * text a search looks in, and signed-in dashboard sessions.
 *
 * Responses stored before this migration have no rollups, segment rows or
 * search text; `StatsStore.rebuild` fills them (it needs the survey files and
 * the org's zone, which the database does not have).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const index = (name: string, table: string, columns: string[]) => db.schema.createIndex(name).on(table).columns(columns).execute();

  await db.schema
    .createTable('stat_days')
    .addColumn('org', 'text', (c) => c.notNull())
    .addColumn('dim', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('member', 'text', (c) => c.notNull())
    .addColumn('survey_id', 'integer', (c) => c.notNull())
    .addColumn('responses', 'integer', (c) => c.notNull())
    .addColumn('promoters', 'integer', (c) => c.notNull())
    .addColumn('passives', 'integer', (c) => c.notNull())
    .addColumn('detractors', 'integer', (c) => c.notNull())
    .addColumn('csat_1', 'integer', (c) => c.notNull())
    .addColumn('csat_2', 'integer', (c) => c.notNull())
    .addColumn('csat_3', 'integer', (c) => c.notNull())
    .addColumn('csat_4', 'integer', (c) => c.notNull())
    .addColumn('csat_5', 'integer', (c) => c.notNull())
    // dim before day: a league reads one dimension's days, the overview only dim ''.
    .addPrimaryKeyConstraint('stat_days_pk', ['org', 'dim', 'day', 'member', 'survey_id'])
    .execute();

  await db.schema
    .createTable('stat_scores')
    .addColumn('org', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('survey_id', 'integer', (c) => c.notNull())
    .addColumn('question_id', 'integer', (c) => c.notNull())
    .addColumn('value', 'integer', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('stat_scores_pk', ['org', 'day', 'survey_id', 'question_id', 'value'])
    .execute();

  await db.schema
    .createTable('stat_zones')
    .addColumn('org', 'text', (c) => c.primaryKey())
    .addColumn('zone', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('response_segments')
    .addColumn('response_id', 'integer', (c) => c.notNull())
    .addColumn('org', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('submitted_utc', 'text', (c) => c.notNull())
    .execute();
  await index('response_segments_member', 'response_segments', ['org', 'key', 'value', 'submitted_utc', 'response_id']);

  await db.schema.alterTable('responses').addColumn('search_text', 'text').execute();
  // The dashboard lists newest first by (submitted_utc, id): a page is a backward walk that stops at its limit.
  await index('responses_org_submitted', 'responses', ['org', 'submitted_utc', 'id']);
  // The same for one survey, so a survey with few responses is not found by walking everyone's.
  await index('responses_org_survey_submitted', 'responses', ['org', 'survey_id', 'submitted_utc', 'id']);

  await db.schema
    .createTable('dashboard_sessions')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('org', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await index('dashboard_sessions_expiry', 'dashboard_sessions', ['expires_at']);
}
