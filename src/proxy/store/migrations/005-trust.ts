import type { Kysely } from 'kysely';

/**
 * Trust (issue 13): whether a response's survey params were signed by the
 * merchant's server and verified by the proxy, and the counters the abuse
 * limits share when several instances run on one PostgreSQL.
 *
 * `verified` is 0 for every response stored before signing existed: none of
 * them was verified.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('responses').addColumn('verified', 'integer', (c) => c.notNull().defaultTo(0)).execute();

  // One row per limit key (`responses-ip:203.0.113.9`) and fixed window; an expired window's rows are
  // deleted now and then by whoever counts. Unused on SQLite, where one process keeps them in memory.
  await db.schema
    .createTable('rate_limit_hits')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('window_start', 'bigint', (c) => c.notNull())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('rate_limit_hits_pk', ['key', 'window_start'])
    .execute();
  await db.schema.createIndex('rate_limit_hits_window').on('rate_limit_hits').column('window_start').execute();
}

