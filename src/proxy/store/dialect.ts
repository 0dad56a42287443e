import { sql, SqliteAdapter, type Kysely, type Transaction } from 'kysely';

/**
 * The one place that knows which database is underneath. Migrations ask it
 * for column types; writes ask it how to take the write lock first.
 */
export function isSqlite(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}

/** An auto-incrementing integer primary key column type. */
export function serialPrimaryKey(db: Kysely<any>): { type: 'integer' | 'serial'; autoIncrement: boolean } {
  return isSqlite(db) ? { type: 'integer', autoIncrement: true } : { type: 'serial', autoIncrement: false };
}

/**
 * Runs `work` in one transaction that holds the write lock from its first
 * statement. On SQLite that is `BEGIN IMMEDIATE`: two connections inserting
 * the same response never both read "absent", and a busy database fails at
 * BEGIN (after busy_timeout) with nothing half-done. PostgreSQL's row locks
 * and unique indexes give the same guarantee to a plain transaction.
 */
export async function writeTransaction<DB, T>(db: Kysely<DB>, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  if (!isSqlite(db)) return db.transaction().execute(work);
  return db.connection().execute(async (conn) => {
    await sql`BEGIN IMMEDIATE`.execute(conn);
    try {
      // A connection is not a Transaction to Kysely's types, but on the same connection inside
      // BEGIN it behaves as one; nothing here starts a nested transaction.
      const result = await work(conn as unknown as Transaction<DB>);
      await sql`COMMIT`.execute(conn);
      return result;
    } catch (error) {
      await sql`ROLLBACK`.execute(conn).catch(() => undefined);
      throw error;
    }
  });
}

/**
 * True for a unique-constraint violation on either database. The stores check
 * codes inside their write transaction first; this catches what only the
 * index can (two instances racing on PostgreSQL), so it becomes a 422, not a 500.
 */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505';
}

/**
 * True when the database could not take the write just now, with nothing
 * written: SQLite locked past busy_timeout; PostgreSQL out of connections,
 * restarting, failing over or unreachable, a deadlock or serialization
 * failure. The caller answers 503 with Retry-After, and the widget's outbox
 * retries, so a visitor loses nothing.
 */
export function isTransientStoreError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return false;
  if (code === 'SQLITE_BUSY' || code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === 'ETIMEDOUT') return true;
  // Class 08 connection exceptions, 40001/40P01 serialization failure/deadlock, 53 insufficient resources, 57P0x shutdown.
  return /^(08...|40001|40P01|53...|57P0[1-3])$/.test(code);
}

/** PostgreSQL's deadlock_detected and serialization_failure: the transaction was rolled back and may simply run again. */
export function isRetryableTransaction(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '40P01' || code === '40001';
}

/** True when PostgreSQL refused a text value it cannot store (a NUL character, invalid UTF-8). */
export function isUnstorableText(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '22021' || code === '22P05';
}

/**
 * Runs `work` while no other process on this database runs work under the
 * same `name`: on PostgreSQL a session advisory lock held on a connection of
 * its own (released if the process dies), so instances starting together
 * take turns at start-up chores such as rebuilding rollups. SQLite serves
 * one process per file, which is its own turn.
 */
export async function exclusively<DB, T>(db: Kysely<DB>, name: string, work: () => Promise<T>): Promise<T> {
  if (isSqlite(db)) return work();
  return db.connection().execute(async (conn) => {
    await sql`SELECT pg_advisory_lock(hashtext(${name}))`.execute(conn);
    try {
      return await work();
    } finally {
      await sql`SELECT pg_advisory_unlock(hashtext(${name}))`.execute(conn);
    }
  });
}
