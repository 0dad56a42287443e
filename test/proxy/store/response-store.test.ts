import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openSqlite } from '../../../src/proxy/store/open-database';
import { openStore, type Store } from '../../../src/proxy/store/open-store';
import { tempDir } from '../fixtures';
import { NPS_9, storedResponse } from './store-fixtures';
import { closeStoresAfterEach, openTestStore } from '../test-store';

const response = storedResponse();
const track = closeStoresAfterEach();

describe('response store', () => {
  it('stores a new response and returns it as stored, with an integer id for the API', async () => {
    const store = await track(openTestStore());
    expect(await store.responses.insert(response, 'hash-a', NPS_9)).toEqual({ status: 'created', response });
    expect(await store.responses.get(response.id)).toEqual(response);
    expect(await store.responses.find('acme', 1)).toMatchObject({ id: 1, uuid: response.id, submitted_utc: '2025-06-01T11:59:30.000Z' });
    expect(await store.responses.count()).toBe(1);
  });

  it('treats the same id with the same hash as a retry: no second row, no second rating', async () => {
    const store = await track(openTestStore());
    await store.responses.insert(response, 'hash-a', NPS_9);
    const retry = await store.responses.insert({ ...response, received_at: '2025-06-01T12:05:00.000Z' }, 'hash-a', NPS_9);
    expect(retry).toEqual({ status: 'duplicate', response });
    expect(await store.responses.count()).toBe(1);
    const range = { from: new Date('2025-01-01T00:00:00Z'), to: new Date('2025-12-31T23:59:59.999Z') };
    expect(await store.ratings.counts('acme', 'nps', range, {})).toEqual(new Map([[9, 1]]));
  });

  it('refuses the same id with a different hash and keeps the original', async () => {
    const store = await track(openTestStore());
    await store.responses.insert(response, 'hash-a', NPS_9);
    expect(await store.responses.insert({ ...response, customer: { name: 'Someone else' } }, 'hash-b', NPS_9)).toEqual({ status: 'conflict' });
    expect((await store.responses.get(response.id))?.customer).toEqual({ name: 'Mariner' });
  });

  it('uses WAL with FULL sync, so an acknowledged response survives a crash', async () => {
    const path = join(tempDir(), 'wal.sqlite');
    await track(openStore(path));
    const db = new Database(path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    // synchronous is per connection, so it is read through the store's own kind of connection.
    const own = openSqlite(path);
    expect((await sql<{ synchronous: number }>`PRAGMA synchronous`.execute(own)).rows).toEqual([{ synchronous: 2 }]); // 2 = FULL
    await own.destroy();
  });

  it('keeps responses across close and reopen, creating the parent directory first', async () => {
    const path = join(tempDir(), 'nested', 'dir', 'responses.sqlite');
    const first = await openStore(path);
    await first.responses.insert(response, 'hash-a', NPS_9);
    await first.close();
    const reopened = await track(openStore(path));
    expect(await reopened.responses.get(response.id)).toEqual(response);
    expect((await reopened.responses.insert(response, 'hash-a', NPS_9)).status).toBe('duplicate');
  });

  it('stores one row when the same response arrives through two connections to one file', async () => {
    const path = join(tempDir(), 'twins.sqlite');
    const a = await track(openStore(path));
    const b = await track(openStore(path));
    // In turn, not at once: two connections in one process would block each other's event loop
    // inside busy_timeout. One process has one connection; its inserts queue on Kysely's mutex,
    // which the twenty-at-once test of POST /v1/responses covers.
    const results = [];
    for (const s of [a, b, a, b]) results.push(await s.responses.insert(response, 'hash-a', NPS_9));
    expect(results.map((r) => r.status)).toEqual(['created', 'duplicate', 'duplicate', 'duplicate']);
    expect(await b.responses.count()).toBe(1);
    const range = { from: new Date('2025-01-01T00:00:00Z'), to: new Date('2025-12-31T23:59:59.999Z') };
    expect(await a.ratings.counts('acme', 'nps', range, {})).toEqual(new Map([[9, 1]]));
  });

  it('fails with SQLITE_BUSY, storing nothing, when another connection holds the write lock past the timeout', async () => {
    const path = join(tempDir(), 'busy.sqlite');
    const store = await track(openStore(path, { busyTimeoutMs: 50 }));
    const other = new Database(path);
    other.exec('BEGIN IMMEDIATE');
    try {
      await expect(store.responses.insert(response, 'hash-a', NPS_9)).rejects.toMatchObject({ code: 'SQLITE_BUSY' });
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(await store.responses.count()).toBe(0);
    expect((await store.responses.insert(response, 'hash-a', NPS_9)).status).toBe('created');
  });

  it('rolls back the whole insert when a later statement fails, leaving no row, rating or count behind', async () => {
    const path = join(tempDir(), 'rollback.sqlite');
    const store = await track(openStore(path));
    const db = new Database(path);
    // A trigger that fails the rating insert stands in for any failure mid-transaction.
    db.exec("CREATE TRIGGER fail_ratings BEFORE INSERT ON ratings BEGIN SELECT RAISE(ABORT, 'disk trouble'); END");
    await expect(store.responses.insert(response, 'hash-a', NPS_9)).rejects.toThrow('disk trouble');
    db.exec('DROP TRIGGER fail_ratings');
    expect(db.prepare('SELECT (SELECT COUNT(*) FROM responses) + (SELECT COUNT(*) FROM ratings) + (SELECT COUNT(*) FROM response_counts) AS n').get()).toEqual({ n: 0 });
    db.close();
    expect((await store.responses.insert(response, 'hash-a', NPS_9)).status).toBe('created');
  });
});
