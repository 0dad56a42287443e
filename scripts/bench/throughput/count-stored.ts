import Database from 'better-sqlite3';
import pg from 'pg';

/** Where a target keeps its responses: a SQLite file or a PostgreSQL URL. */
export type StoredIn = { sqlitePath: string } | { postgresUrl: string };

/** How many of `ids` (the clients' UUIDs, column `uuid`) are rows of `responses`; read after the target has stopped. */
export async function countStored(where: StoredIn, ids: readonly string[]): Promise<number> {
  return 'sqlitePath' in where ? countInSqlite(where.sqlitePath, ids) : countInPostgres(where.postgresUrl, ids);
}

function countInSqlite(path: string, ids: readonly string[]): number {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    let found = 0;
    // Well under SQLite's limit of bound parameters per statement.
    for (const batch of batches(ids, 500)) {
      const row = db.prepare(`SELECT count(*) AS n FROM responses WHERE uuid IN (${batch.map(() => '?').join(',')})`).get(...batch) as { n: number };
      found += row.n;
    }
    return found;
  } finally {
    db.close();
  }
}

async function countInPostgres(url: string, ids: readonly string[]): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    let found = 0;
    for (const batch of batches(ids, 10_000)) {
      const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM responses WHERE uuid = ANY($1::text[])', [batch]);
      found += Number(rows[0]?.n ?? 0);
    }
    return found;
  } finally {
    await client.end();
  }
}

function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
