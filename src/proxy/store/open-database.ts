import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Tables } from './tables';

export interface SqliteOptions {
  /** How long a write waits for another connection's lock before failing with SQLITE_BUSY. */
  busyTimeoutMs?: number;
}

/**
 * Opens (creating if needed, with its folder) the SQLite file at `path`, or
 * `':memory:'`, with the durability the widget relies on.
 */
export function openSqlite(path: string, { busyTimeoutMs = 2000 }: SqliteOptions = {}): Kysely<Tables> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  // The widget forgets a response once the proxy acknowledges it, so a 201 must
  // mean "on disk": FULL syncs the WAL on every commit, surviving power loss,
  // where WAL's usual NORMAL could lose the last commits.
  sqlite.pragma('synchronous = FULL');
  // Another process on the same file (a second proxy, a backup) may hold the write lock
  // briefly; wait for it rather than fail. Past this a write throws SQLITE_BUSY (see post-response).
  sqlite.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
  return new Kysely<Tables>({ dialect: new SqliteDialect({ database: sqlite }) });
}
