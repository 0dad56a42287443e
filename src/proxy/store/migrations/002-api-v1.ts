import { sql, type Kysely } from 'kysely';
import { serialPrimaryKey } from '../dialect';

/**
 * What the v1 REST API needs: responses get the integer `id` the API exposes
 * (the widget's UUID moves to `uuid`, still unique, still the idempotency
 * key) and columns the filters use; ratings and their daily counts for
 * `/nps` and `/csat`; sites, staff and API tokens.
 *
 * Rows from 001 are copied in arrival order, so ids follow it, and marked
 * `rated = 0`: which rating questions are NPS or CSAT is in the survey files,
 * not the database, so start-up fills their derived columns and ratings
 * (`ResponseStore.indexLegacy`).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pk = serialPrimaryKey(db);
  await db.schema
    .createTable('responses_v2')
    .addColumn('id', pk.type, (c) => (pk.autoIncrement ? c.primaryKey().autoIncrement() : c.primaryKey()))
    .addColumn('uuid', 'text', (c) => c.notNull().unique())
    .addColumn('org', 'text', (c) => c.notNull())
    .addColumn('survey', 'text', (c) => c.notNull())
    .addColumn('survey_id', 'integer', (c) => c.notNull())
    .addColumn('body_hash', 'text', (c) => c.notNull())
    .addColumn('reference', 'text')
    .addColumn('machine_id', 'text')
    .addColumn('locale', 'text')
    .addColumn('page_url', 'text')
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('submitted_utc', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('company_name', 'text')
    .addColumn('site_code', 'text')
    .addColumn('staff_code', 'text')
    .addColumn('site_id', 'integer')
    .addColumn('staff_id', 'integer')
    .addColumn('rated', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('customer', 'text', (c) => c.notNull())
    .addColumn('segments', 'text', (c) => c.notNull())
    .addColumn('metadata', 'text', (c) => c.notNull())
    .execute();

  await sql`INSERT INTO responses_v2 (uuid, org, survey, survey_id, body_hash, reference, machine_id, locale, page_url,
      submitted_at, submitted_utc, received_at, updated_at, rated, answers, customer, segments, metadata)
    SELECT id, org, survey, survey_id, body_hash, reference, machine_id, locale, page_url,
      submitted_at, submitted_at, received_at, received_at, 0, answers, customer, segments, metadata
    FROM responses ORDER BY received_at, id`.execute(db);
  await db.schema.dropTable('responses').execute();
  await db.schema.alterTable('responses_v2').renameTo('responses').execute();

  const index = (name: string, table: string, columns: string[]) => db.schema.createIndex(name).on(table).columns(columns).execute();
  // Lists are newest first by id; each filter has an index that ends in id, so a page is a range read.
  await index('responses_org_id', 'responses', ['org', 'id']);
  await index('responses_org_site', 'responses', ['org', 'site_id', 'id']);
  await index('responses_org_staff', 'responses', ['org', 'staff_id', 'id']);
  await index('responses_org_survey', 'responses', ['org', 'survey_id', 'id']);
  await index('responses_org_email', 'responses', ['org', 'email', 'id']);
  await index('responses_org_received', 'responses', ['org', 'received_at']);
  await index('responses_org_updated', 'responses', ['org', 'updated_at']);
  // Linking a site or staff member created later finds its unlinked responses by code.
  await index('responses_org_site_code', 'responses', ['org', 'site_code']);
  await index('responses_org_staff_code', 'responses', ['org', 'staff_code']);
  await index('responses_unrated', 'responses', ['rated', 'id']);

  await db.schema
    .createTable('ratings')
    .addColumn('response_id', 'integer', (c) => c.notNull())
    .addColumn('org', 'text', (c) => c.notNull())
    .addColumn('scale', 'text', (c) => c.notNull())
    .addColumn('survey_id', 'integer', (c) => c.notNull())
    .addColumn('site_id', 'integer')
    .addColumn('staff_id', 'integer')
    .addColumn('company_name', 'text')
    .addColumn('submitted_utc', 'text', (c) => c.notNull())
    .addColumn('value', 'integer', (c) => c.notNull())
    .execute();
  // Covering indexes: a period's edges, a site's or a staff member's ratings are counted from the index alone.
  await index('ratings_time', 'ratings', ['org', 'scale', 'submitted_utc', 'value', 'survey_id']);
  await index('ratings_site', 'ratings', ['org', 'scale', 'site_id', 'submitted_utc', 'value', 'survey_id']);
  await index('ratings_staff', 'ratings', ['org', 'scale', 'staff_id', 'submitted_utc', 'value', 'survey_id']);
  await index('ratings_response', 'ratings', ['response_id']);

  await db.schema
    .createTable('rating_days')
    .addColumn('org', 'text', (c) => c.notNull())
    .addColumn('scale', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('survey_id', 'integer', (c) => c.notNull())
    .addColumn('value', 'integer', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('rating_days_pk', ['org', 'scale', 'day', 'survey_id', 'value'])
    .execute();

  await db.schema
    .createTable('response_counts')
    .addColumn('org', 'text', (c) => c.notNull())
    .addColumn('survey_id', 'integer', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('response_counts_pk', ['org', 'survey_id'])
    .execute();
  await sql`INSERT INTO response_counts (org, survey_id, n) SELECT org, survey_id, COUNT(*) FROM responses GROUP BY org, survey_id`.execute(db);

  await db.schema
    .createTable('sites')
    .addColumn('id', pk.type, (c) => (pk.autoIncrement ? c.primaryKey().autoIncrement() : c.primaryKey()))
    .addColumn('org', 'text', (c) => c.notNull())
    .addColumn('site_code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('city', 'text')
    .addColumn('region', 'text')
    .addColumn('site_type', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('sites_org_code', ['org', 'site_code'])
    .execute();
  await index('sites_org_name', 'sites', ['org', 'name']);

  await db.schema
    .createTable('staff')
    .addColumn('id', pk.type, (c) => (pk.autoIncrement ? c.primaryKey().autoIncrement() : c.primaryKey()))
    .addColumn('org', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('surname', 'text')
    .addColumn('email', 'text')
    .addColumn('time_zone', 'text')
    .addColumn('deactivated_at', 'text')
    .addColumn('team_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('staff_org_code', ['org', 'code'])
    .execute();
  await index('staff_org_email', 'staff', ['org', 'email']);

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', pk.type, (c) => (pk.autoIncrement ? c.primaryKey().autoIncrement() : c.primaryKey()))
    .addColumn('org', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
}
