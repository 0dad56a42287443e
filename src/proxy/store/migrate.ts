import { Migrator, sql, type Kysely, type MigrationResultSet } from 'kysely';
import { isSqlite } from './dialect';
import { MIGRATIONS } from './migrations/index';

/**
 * Brings the database up to the newest migration; called at start, before
 * anything reads or writes. Throws, naming the failed migration, rather than
 * serve from a half-migrated database.
 */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = await migratorFor(db);
  const { error, results }: MigrationResultSet = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** True when every known migration has been applied (for a readiness check). */
export async function isMigrated(db: Kysely<any>): Promise<boolean> {
  const migrator = await migratorFor(db);
  const all = await migrator.getMigrations();
  return all.every((m) => m.executedAt !== undefined);
}

/**
 * On PostgreSQL the migrator's bookkeeping tables live in the connection's own
 * schema: Kysely looks for them across every schema otherwise, and would take
 * another schema's (another store on the same database) for its own.
 */
async function migratorFor(db: Kysely<any>): Promise<Migrator> {
  const provider = { getMigrations: async () => MIGRATIONS };
  if (isSqlite(db)) return new Migrator({ db, provider });
  const { rows } = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(db);
  return new Migrator({ db, provider, migrationTableSchema: rows[0]?.schema ?? 'public' });
}
