import pg from 'pg';

/**
 * Creates an empty database `name` on the server at `serverUrl` and returns
 * its URL, so each PostgreSQL target starts on fresh tables as the SQLite one
 * starts on a fresh file.
 */
export async function createDatabase(serverUrl: string, name: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`a database name must be a lower-case identifier, got "${name}"`);
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.href;
}

/** The server's processes that are doing something (backends, WAL writer, checkpointer), for CPU samples. */
export async function postgresPids(url: string): Promise<number[]> {
  return withClient(url, async (client) => (await client.query<{ pid: number }>('SELECT pid FROM pg_stat_activity')).rows.map((r) => r.pid));
}

/** `PostgreSQL 15.8, fsync on, synchronous_commit on`: what the figures were measured with. */
export async function describePostgres(url: string): Promise<string> {
  return withClient(url, async (client) => {
    const show = async (name: string) => (await client.query<Record<string, string>>(`SHOW ${name}`)).rows[0]?.[name];
    return `PostgreSQL ${await show('server_version')}, fsync ${await show('fsync')}, synchronous_commit ${await show('synchronous_commit')}`;
  });
}

async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}
