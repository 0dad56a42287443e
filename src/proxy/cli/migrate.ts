import { readConfig } from '../config';
import { migrateToLatest } from '../store/migrate';
import { openDatabase } from '../store/open-store';

/**
 * `npm run migrate`: applies the migrations the database lacks and names
 * them, then exits. Every proxy also migrates at start (concurrent starts take
 * turns on Kysely's migration lock), so this is for a deploy pipeline that
 * migrates once before rolling instances.
 */
async function main(): Promise<void> {
  const config = readConfig(process.env);
  const db = await openDatabase(config.databaseUrl ?? config.databasePath);
  try {
    const applied = await migrateToLatest(db);
    console.log(applied.length === 0 ? 'database schema is up to date' : `applied ${applied.length} migration(s): ${applied.join(', ')}`);
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
