import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import type { StoredResponse } from '../shared/response-schema';

export type InsertResult =
  | { status: 'created'; response: StoredResponse }
  /** The same id with the same body: a retry; the first stored copy is returned. */
  | { status: 'duplicate'; response: StoredResponse }
  /** The same id with a different body: never overwritten. */
  | { status: 'conflict' };

/** Where responses live; every method is synchronous (better-sqlite3). */
export interface ResponseStore {
  insert(response: StoredResponse, bodyHash: string): InsertResult;
  get(id: string): StoredResponse | undefined;
  count(): number;
  close(): void;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS responses (
    id TEXT PRIMARY KEY,
    org TEXT NOT NULL,
    survey TEXT NOT NULL,
    survey_id INTEGER NOT NULL,
    body_hash TEXT NOT NULL,
    reference TEXT,
    machine_id TEXT,
    locale TEXT,
    page_url TEXT,
    submitted_at TEXT NOT NULL,
    received_at TEXT NOT NULL,
    answers JSON NOT NULL,
    customer JSON NOT NULL,
    segments JSON NOT NULL,
    metadata JSON NOT NULL
  )`;

interface Row extends Omit<StoredResponse, 'answers' | 'customer' | 'segments' | 'metadata'> {
  body_hash: string;
  answers: string;
  customer: string;
  segments: string;
  metadata: string;
}

export interface StoreOptions {
  /** How long an insert waits for another connection's write lock before failing with SQLITE_BUSY. */
  busyTimeoutMs?: number;
}

/** Opens (creating if needed) the SQLite file at `path`; `':memory:'` for tests. */
export function openResponseStore(path: string, options: StoreOptions = {}): ResponseStore {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  return createResponseStore(new Database(path), options);
}

/** Prepares an open database as a response store; takes ownership (close() closes it). */
export function createResponseStore(db: SqliteDatabase, { busyTimeoutMs = 2000 }: StoreOptions = {}): ResponseStore {
  db.pragma('journal_mode = WAL');
  // The widget forgets a response once the proxy acknowledges it, so a 201 must
  // mean "on disk": FULL syncs the WAL on every commit, surviving power loss,
  // where WAL's usual NORMAL could lose the last commits.
  db.pragma('synchronous = FULL');
  // Another process on the same file (a second proxy, a backup) may hold the write lock
  // briefly; wait for it rather than fail. Past this, insert throws SQLITE_BUSY (see post-response).
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
  db.exec(SCHEMA);
  const insertRow = db.prepare(`INSERT INTO responses VALUES (
    @id, @org, @survey, @survey_id, @body_hash, @reference, @machine_id, @locale, @page_url,
    @submitted_at, @received_at, @answers, @customer, @segments, @metadata
  ) ON CONFLICT (id) DO NOTHING`);
  const selectRow = db.prepare<[string], Row>('SELECT * FROM responses WHERE id = ?');
  const countRows = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM responses');

  // One IMMEDIATE transaction (it takes the write lock first), so the insert and the
  // read-back agree even when a twin request arrives through another connection.
  const insert = db.transaction((response: StoredResponse, bodyHash: string): InsertResult => {
    const created = insertRow.run(toRow(response, bodyHash)).changes === 1;
    const row = selectRow.get(response.id) as Row;
    if (created) return { status: 'created', response: fromRow(row) };
    if (row.body_hash === bodyHash) return { status: 'duplicate', response: fromRow(row) };
    return { status: 'conflict' };
  });

  return {
    insert: (response, bodyHash) => insert.immediate(response, bodyHash),
    get: (id) => {
      const row = selectRow.get(id);
      return row ? fromRow(row) : undefined;
    },
    count: () => countRows.get()?.n ?? 0,
    close: () => db.close(),
  };
}

function toRow(r: StoredResponse, bodyHash: string): Row {
  return {
    ...r,
    body_hash: bodyHash,
    answers: JSON.stringify(r.answers),
    customer: JSON.stringify(r.customer),
    segments: JSON.stringify(r.segments),
    metadata: JSON.stringify(r.metadata),
  };
}

function fromRow(row: Row): StoredResponse {
  // Spelled out so the JSON reads in the order of StoredResponse, not of the table's columns.
  return {
    id: row.id,
    org: row.org,
    survey: row.survey,
    survey_id: row.survey_id,
    answers: JSON.parse(row.answers) as StoredResponse['answers'],
    customer: JSON.parse(row.customer) as Record<string, string>,
    segments: JSON.parse(row.segments) as Record<string, string>,
    metadata: JSON.parse(row.metadata) as Record<string, string>,
    reference: row.reference,
    machine_id: row.machine_id,
    locale: row.locale,
    page_url: row.page_url,
    submitted_at: row.submitted_at,
    received_at: row.received_at,
  };
}
