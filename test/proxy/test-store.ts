import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { afterEach, inject } from 'vitest';
import { migrateToLatest } from '../../src/proxy/store/migrate';
import { openSqlite } from '../../src/proxy/store/open-database';
import { openPostgres } from '../../src/proxy/store/open-postgres';
import { openStore, type Store } from '../../src/proxy/store/open-store';
import type { Tables } from '../../src/proxy/store/tables';
import { databaseUrl, TEMPLATE_DATABASE } from './postgres-global-setup';

/**
 * Which database this run's stores are on: the `proxy` project runs on SQLite,
 * `proxy-pg` runs the same files on the private PostgreSQL server its global
 * setup started (vitest.config.ts).
 */
export const BACKEND: 'sqlite' | 'postgres' = process.env.TEST_BACKEND === 'postgres' ? 'postgres' : 'sqlite';

/** A fresh, migrated, empty store: in memory on SQLite, a database of its own on PostgreSQL. */
export async function openTestStore(): Promise<Store> {
  if (BACKEND === 'sqlite') return openStore(':memory:');
  return openStore(await freshDatabase(), { poolSize: 4 });
}

/** A fresh, migrated database handle, for tests that write through the store's helpers directly. */
export async function openTestDb(): Promise<Kysely<Tables>> {
  if (BACKEND === 'postgres') return openPostgres(await freshDatabase(), { poolSize: 4 });
  const db = openSqlite(':memory:');
  await migrateToLatest(db);
  return db;
}

/**
 * The URL of a fresh copy of the migrated template database (PostgreSQL runs
 * only): tests of several instances open several stores on one of these.
 */
export async function freshDatabase(): Promise<string> {
  const url = inject('postgresUrl');
  const name = `t_${process.pid}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`);
  } finally {
    await admin.end();
  }
  return databaseUrl(url, name);
}

/** The private server's own database (PostgreSQL runs only); prefer `freshDatabase()` for a clean one. */
export function postgresUrl(): string {
  return inject('postgresUrl');
}

/**
 * Closes, after each test, every store handed to the returned `track`; call
 * once at the top of a test file. A store left open keeps PostgreSQL
 * connections (and SQLite files) until the worker exits.
 */
export function closeStoresAfterEach(): (store: Promise<Store>) => Promise<Store> {
  const open: Store[] = [];
  afterEach(async () => {
    for (const store of open.splice(0)) await store.close().catch(() => undefined);
  });
  return async (store) => {
    const opened = await store;
    open.push(opened);
    return opened;
  };
}
