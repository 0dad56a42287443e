import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../src/proxy/store/open-store';
import { demoCatalog, tempDir } from '../fixtures';
import { factsOf } from './store-fixtures';

/** The schema a proxy from before the v1 API created (src/proxy/response-store.ts at b0cf9de), verbatim. */
const LEGACY_SCHEMA = `
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

function legacyDatabase(): string {
  const path = join(tempDir(), 'responses.sqlite');
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.exec(LEGACY_SCHEMA);
  const insert = db.prepare('INSERT INTO responses VALUES (?, ?, ?, ?, ?, ?, NULL, ?, NULL, ?, ?, ?, ?, ?, ?)');
  // Inserted out of arrival order: ids must follow received_at, not the insertion order.
  insert.run('bbbbbbbb-0000-4000-8000-000000000002', 'acme', 'support-csat', 2166, 'hash-2', null, 'en', '2025-06-02T10:00:00+01:00', '2025-06-02T09:00:05.000Z',
    JSON.stringify([{ question_id: 11, question: 'How satisfied?', type: 'Rating', answer: 4 }, { question_id: 12, question: 'How easy?', type: 'Rating', answer: 6 }]),
    JSON.stringify({ email: 'Ops@Example.com', company_name: 'Cyberdyne Systems' }), JSON.stringify({ site_code: 'leeds' }), '{}');
  insert.run('aaaaaaaa-0000-4000-8000-000000000001', 'acme', 'post-purchase', 1484, 'hash-1', 'INV-2090', 'en', '2025-06-01T11:59:30.000Z', '2025-06-01T12:00:00.000Z',
    JSON.stringify([{ question_id: 1, question: 'How likely?', type: 'Rating', answer: 10 }]),
    JSON.stringify({ name: 'Mariner' }), JSON.stringify({ staff_code: 'luke' }), JSON.stringify({ reference: 'INV-2090' }));
  db.close();
  return path;
}

describe('a database from before the v1 API', () => {
  it('is migrated, not dropped: every row kept, numbered in arrival order, still deduplicated by UUID', async () => {
    const store = await openStore(legacyDatabase());
    try {
      expect(await store.responses.count()).toBe(2);
      expect(await store.responses.find('acme', 1)).toMatchObject({ uuid: 'aaaaaaaa-0000-4000-8000-000000000001', reference: 'INV-2090', rated: 0 });
      expect(await store.responses.find('acme', 2)).toMatchObject({ uuid: 'bbbbbbbb-0000-4000-8000-000000000002' });
      const retry = await store.responses.get('aaaaaaaa-0000-4000-8000-000000000001');
      expect(await store.responses.insert(retry!, 'hash-1', factsOf(retry!))).toMatchObject({ status: 'duplicate' });
      expect((await store.responses.insert({ ...retry!, customer: {} }, 'other', factsOf(retry!))).status).toBe('conflict');
    } finally {
      await store.close();
    }
  });

  it('gets its ratings, filter columns and links once start-up indexes it with the survey files', async () => {
    const path = legacyDatabase();
    const store = await openStore(path);
    try {
      const site = await store.sites.create('acme', { site_code: 'leeds', name: 'Leeds', region: 'Yorkshire', city: null, site_type: null }, new Date());
      const catalog = demoCatalog();
      expect(await store.responses.indexLegacy((org, id) => catalog.byId(org, id))).toBe(2);
      expect(await store.responses.indexLegacy((org, id) => catalog.byId(org, id))).toBe(0);
      const csat = await store.responses.find('acme', 2);
      expect(csat).toMatchObject({ rated: 1, submitted_utc: '2025-06-02T09:00:00.000Z', email: 'ops@example.com', company_name: 'cyberdyne systems', site_code: 'leeds', site_id: 'id' in site ? site.id : -1 });
      const year = { from: new Date('2025-01-01T00:00:00Z'), to: new Date('2025-12-31T23:59:59.999Z') };
      // The 1-7 "How easy?" rating is on a custom scale: CSAT counts only the csat-scale 4.
      expect(await store.ratings.counts('acme', 'csat', year, {})).toEqual(new Map([[4, 1]]));
      expect(await store.ratings.counts('acme', 'nps', year, {})).toEqual(new Map([[10, 1]]));
      expect(await store.ratings.counts('acme', 'csat', year, { companyName: 'dyne' })).toEqual(new Map([[4, 1]]));
      expect((await store.responses.list('acme', { email: 'OPS@example.com' }, { limit: 30, offset: 0 })).total).toBe(1);
    } finally {
      await store.close();
    }
  });

  it('is migrated once: reopening applies nothing twice', async () => {
    const path = legacyDatabase();
    await (await openStore(path)).close();
    const store = await openStore(path);
    await store.close();
    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT name FROM kysely_migration ORDER BY name').all()).toEqual([{ name: '001-responses' }, { name: '002-api-v1' }, { name: '003-feedback-requests' }, { name: '004-dashboard' }, { name: '005-trust' }]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM responses').get()).toEqual({ n: 2 });
    db.close();
  });
});
