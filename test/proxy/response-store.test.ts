import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createResponseStore, openResponseStore, type ResponseStore } from '../../src/proxy/response-store';
import type { StoredResponse } from '../../src/shared/response-schema';
import { tempDir } from './fixtures';

const response: StoredResponse = {
  id: '3f8a1c2e-5b7d-4e9f-8a6b-1c2d3e4f5a6b',
  org: 'acme',
  survey: 'post-purchase',
  survey_id: 1484,
  answers: [{ question_id: 1, question: 'How likely?', type: 'Rating', answer: 9 }],
  customer: { name: 'Mariner' },
  segments: { staff_code: 'luke' },
  metadata: { reference: 'INV-2090' },
  reference: 'INV-2090',
  machine_id: null,
  locale: 'en',
  page_url: null,
  submitted_at: '2025-06-01T11:59:30.000Z',
  received_at: '2025-06-01T12:00:00.000Z',
};

const open: ResponseStore[] = [];
function track(store: ResponseStore): ResponseStore {
  open.push(store);
  return store;
}
afterEach(() => {
  for (const store of open.splice(0)) {
    try {
      store.close();
    } catch {
      // already closed by the test
    }
  }
});

describe('response store', () => {
  it('stores a new response and returns it as stored', () => {
    const store = track(openResponseStore(':memory:'));
    expect(store.insert(response, 'hash-a')).toEqual({ status: 'created', response });
    expect(store.get(response.id)).toEqual(response);
    expect(store.count()).toBe(1);
  });

  it('treats the same id with the same hash as a retry: no second row, the first copy returned', () => {
    const store = track(openResponseStore(':memory:'));
    store.insert(response, 'hash-a');
    const retry = store.insert({ ...response, received_at: '2025-06-01T12:05:00.000Z' }, 'hash-a');
    expect(retry).toEqual({ status: 'duplicate', response });
    expect(store.count()).toBe(1);
  });

  it('refuses the same id with a different hash and keeps the original', () => {
    const store = track(openResponseStore(':memory:'));
    store.insert(response, 'hash-a');
    expect(store.insert({ ...response, customer: { name: 'Someone else' } }, 'hash-b')).toEqual({ status: 'conflict' });
    expect(store.get(response.id)?.customer).toEqual({ name: 'Mariner' });
    expect(store.count()).toBe(1);
  });

  it('answers undefined for an unknown id', () => {
    expect(track(openResponseStore(':memory:')).get('nope')).toBeUndefined();
  });

  it('uses WAL with FULL sync, so an acknowledged response survives a crash', () => {
    const db = new Database(join(tempDir(), 'wal.sqlite'));
    track(createResponseStore(db));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // 2 = FULL
  });

  it('keeps responses across close and reopen, creating the parent directory first', () => {
    const path = join(tempDir(), 'nested', 'dir', 'responses.sqlite');
    const first = openResponseStore(path);
    first.insert(response, 'hash-a');
    first.close();
    const reopened = track(openResponseStore(path));
    expect(reopened.get(response.id)).toEqual(response);
    expect(reopened.insert(response, 'hash-a').status).toBe('duplicate');
  });

  it('stores one row when the same response arrives through two connections at once', () => {
    const path = join(tempDir(), 'twins.sqlite');
    const a = track(openResponseStore(path));
    const b = track(openResponseStore(path));
    const results = [a.insert(response, 'hash-a'), b.insert(response, 'hash-a'), a.insert(response, 'hash-a')];
    expect(results.map((r) => r.status)).toEqual(['created', 'duplicate', 'duplicate']);
    expect(b.count()).toBe(1);
  });

  it('fails with SQLITE_BUSY, storing nothing, when another connection holds the write lock past the timeout', () => {
    const path = join(tempDir(), 'busy.sqlite');
    const store = track(openResponseStore(path, { busyTimeoutMs: 50 }));
    const other = new Database(path);
    other.exec('BEGIN IMMEDIATE');
    try {
      expect(() => store.insert(response, 'hash-a')).toThrow(expect.objectContaining({ code: 'SQLITE_BUSY' }));
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(store.count()).toBe(0);
    expect(store.insert(response, 'hash-a').status).toBe('created');
  });
});
