import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Tables } from './tables';

export interface PostgresOptions {
  /** Connections this process keeps open; several instances share the server's max_connections. */
  poolSize?: number;
  /**
   * A schema to work in (created when missing), so several stores can share one
   * database: each test gets its own instead of a database of its own.
   */
  schema?: string;
}

/**
 * Opens a pool on the PostgreSQL server at `url`. Durability is the server's:
 * `synchronous_commit` stays on, so a commit returns after its WAL is flushed,
 * as SQLite's synchronous FULL does.
 */
export async function openPostgres(url: string, { poolSize = 10, schema }: PostgresOptions = {}): Promise<Kysely<Tables>> {
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`schema must be a lower-case SQL identifier, got "${schema}"`);
  if (schema !== undefined) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      await admin.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    // The server's choice of search_path would be `"$user", public`; a named schema comes first and alone.
    ...(schema !== undefined ? { options: `-c search_path=${schema}` } : {}),
    // Kept-alive connections through a load balancer or NAT: notice a dead one instead of hanging on it.
    keepAlive: true,
    connectionTimeoutMillis: 10_000,
  });
  // An idle connection the server drops (a restart, a failover) is an event, not a crash of the proxy.
  pool.on('error', (error) => console.error(`[survey-proxy] PostgreSQL connection lost: ${error.message}`));
  return new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
}
