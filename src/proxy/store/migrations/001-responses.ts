import type { Kysely } from 'kysely';

/**
 * The responses table as the widget-only proxy created it (before the v1
 * API). A database from that time already has it, without a migrations
 * table: this migration then does nothing and 002 carries its rows forward.
 * Never edit a landed migration; add the next one.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('responses')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org', 'text', (c) => c.notNull())
    .addColumn('survey', 'text', (c) => c.notNull())
    .addColumn('survey_id', 'integer', (c) => c.notNull())
    .addColumn('body_hash', 'text', (c) => c.notNull())
    .addColumn('reference', 'text')
    .addColumn('machine_id', 'text')
    .addColumn('locale', 'text')
    .addColumn('page_url', 'text')
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('customer', 'text', (c) => c.notNull())
    .addColumn('segments', 'text', (c) => c.notNull())
    .addColumn('metadata', 'text', (c) => c.notNull())
    .execute();
}
