import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startPrivatePostgres } from '../../scripts/postgres/private-postgres';
import { openStore } from '../../src/proxy/store/open-store';

/** The migrated, empty database every test's database is copied from. */
export const TEMPLATE_DATABASE = 'survey_template';

/**
 * The proxy-pg project's one PostgreSQL server, started before its files and
 * stopped after. A template database is migrated once here; every store a test
 * opens is a copy of it (CREATE DATABASE … TEMPLATE), twice as fast as
 * migrating each.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startPrivatePostgres();
  try {
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
    await admin.end();
    // Closed at once: a template cannot be copied while anyone is connected to it.
    await (await openStore(databaseUrl(server.url, TEMPLATE_DATABASE))).close();
  } catch (error) {
    await server.stop();
    throw error;
  }
  project.provide('postgresUrl', server.url);
  return () => server.stop();
}

/** `url` with another database name. */
export function databaseUrl(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.href;
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}
