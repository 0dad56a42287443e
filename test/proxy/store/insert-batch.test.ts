import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createStore, openStore, type Store } from '../../../src/proxy/store/open-store';
import { responseFacts } from '../../../src/proxy/store/response-facts';
import type { Tables } from '../../../src/proxy/store/tables';
import type { StoredResponse } from '../../../src/shared/response-schema';
import { tempDir } from '../fixtures';
import { BACKEND, openTestDb, openTestStore, postgresUrl } from '../test-store';
import { surveyOf, variedResponses } from './dashboard-fixtures';
import { NPS_9, storedResponse } from './store-fixtures';

const open: Store[] = [];
async function track(store: Promise<Store> | Store): Promise<Store> {
  open.push(await store);
  return open[open.length - 1] as Store;
}
afterEach(async () => {
  for (const store of open.splice(0)) await store.close().catch(() => undefined);
});

const NOW = new Date('2026-03-01T00:00:00.000Z');
const WHOLE = { first: '2000-01-01', last: '2099-12-31' };
const MARCH = { from: new Date('2026-03-01T00:00:00.000Z'), to: new Date('2026-04-14T23:59:59.999Z') };

/** A store with two sites, a staff member and a webhook subscriber, so inserts link and queue as in production. */
async function furnished(): Promise<{ store: Store; newcastle: number }> {
  const store = await track(openTestStore());
  const site = await store.sites.create('acme', { site_code: 'newcastle', name: 'Newcastle', city: null, region: null, site_type: null }, NOW);
  await store.sites.create('acme', { site_code: 'leeds', name: 'Leeds', city: null, region: null, site_type: null }, NOW);
  await store.staff.create('acme', { code: 'luke', first_name: 'Luke', surname: null, email: null, time_zone: null, deactivated_at: null, team_id: null }, NOW);
  await store.webhooks.create('acme', { url: 'https://hooks.example/responses', events: ['response.created'], description: null }, NOW);
  return { store, newcastle: (site as { id: number }).id };
}

function insert(store: Store, r: StoredResponse, hash = `hash-${r.id}`) {
  return store.responses.insert(r, hash, responseFacts(r, surveyOf(r), 'Europe/Paris'));
}

/** Everything a reader of the store sees of the responses: the API's list, the metrics, the dashboard, the webhook queue. */
async function whatReadersSee(store: Store, siteId: number) {
  return {
    count: await store.responses.count(),
    listed: (await store.responses.list('acme', {}, { limit: 1_000, offset: 0 })).rows.map((r) => [r.uuid, r.site_id, r.staff_id]),
    atNewcastle: (await store.responses.list('acme', { siteIds: [siteId] }, { limit: 1, offset: 0 })).total,
    nps: await store.ratings.counts('acme', 'nps', MARCH, {}),
    csat: await store.ratings.counts('acme', 'csat', MARCH, {}),
    npsAtNewcastle: await store.ratings.counts('acme', 'nps', MARCH, { siteIds: [siteId] }),
    daily: await store.stats.daily('acme', WHOLE),
    leagues: await Promise.all(['site_code', 'staff_code', 'region'].map((dim) => store.stats.league('acme', dim, WHOLE))),
    scores: await store.stats.scores('acme', WHOLE),
    lukes: await store.stats.count('acme', WHOLE, undefined, { key: 'staff_code', value: 'luke' }),
    webhooks: await store.jobs.pending(['webhook']),
  };
}

/** Two stores on one database, as two proxy instances share it. */
async function twoInstances(): Promise<[Store, Store]> {
  if (BACKEND === 'sqlite') {
    const path = join(tempDir(), 'shared.sqlite');
    return [await track(openStore(path)), await track(openStore(path))];
  }
  const schema = `t_${process.pid}_${randomBytes(6).toString('hex')}`;
  return [await track(openStore(postgresUrl(), { schema, poolSize: 4 })), await track(openStore(postgresUrl(), { schema, poolSize: 4 }))];
}

/** Runs one statement per string: SQLite prepares one at a time. */
async function execute(db: Kysely<Tables>, statements: readonly string[]): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

/** Makes inserting the response with `uuid` fail at once, as a constraint would. */
function refuseInsertOf(db: Kysely<Tables>, uuid: string): Promise<void> {
  return execute(
    db,
    BACKEND === 'sqlite'
      ? [`CREATE TRIGGER refuse_one BEFORE INSERT ON responses WHEN NEW.uuid = '${uuid}' BEGIN SELECT RAISE(ABORT, 'refused'); END`]
      : [
          `CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$`,
          `CREATE TRIGGER refuse_one BEFORE INSERT ON responses FOR EACH ROW WHEN (NEW.uuid = '${uuid}') EXECUTE FUNCTION refuse()`,
        ],
  );
}

/**
 * Makes the COMMIT of any transaction that inserts the response with `uuid`
 * fail: the insert adds a row breaking a deferred foreign key, which both
 * databases check only at COMMIT.
 */
function failCommitWith(db: Kysely<Tables>, uuid: string): Promise<void> {
  const tables = [
    'CREATE TABLE guard_parent (id INTEGER PRIMARY KEY)',
    'CREATE TABLE guard (ref INTEGER REFERENCES guard_parent (id) DEFERRABLE INITIALLY DEFERRED)',
  ];
  return execute(
    db,
    BACKEND === 'sqlite'
      ? ['PRAGMA foreign_keys = ON', ...tables, `CREATE TRIGGER guard_one AFTER INSERT ON responses WHEN NEW.uuid = '${uuid}' BEGIN INSERT INTO guard VALUES (1); END`]
      : [
          ...tables,
          `CREATE FUNCTION guard_one() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO guard VALUES (1); RETURN NEW; END $$`,
          `CREATE TRIGGER guard_one AFTER INSERT ON responses FOR EACH ROW WHEN (NEW.uuid = '${uuid}') EXECUTE FUNCTION guard_one()`,
        ],
  );
}

describe('inserting responses in batches (group commit)', () => {
  it('stores 500 responses posted at once in one or two transactions, exactly as 500 inserted one by one', async () => {
    const responses = variedResponses(500, 31);
    const { store: oneByOne, newcastle } = await furnished();
    for (const r of responses) await insert(oneByOne, r);
    const { store: atOnce } = await furnished();
    const before = atOnce.responses.insertStats().batches;

    const results = await Promise.all(responses.map((r) => insert(atOnce, r)));

    expect(results.every((r) => r.status === 'created')).toBe(true);
    expect(atOnce.responses.insertStats().batches - before).toBeLessThanOrEqual(2);
    const seen = await whatReadersSee(atOnce, newcastle);
    expect(seen.count).toBe(500);
    expect(seen.atNewcastle).toBeGreaterThan(0);
    expect(seen.webhooks).toBe(500);
    expect(seen).toEqual(await whatReadersSee(oneByOne, newcastle));
  });

  it('answers the same UUID twice in one batch as if in turn: created, then duplicate for the same body and conflict for another', async () => {
    const store = await track(openTestStore());
    const response = storedResponse();
    const before = store.responses.insertStats().batches;
    const results = await Promise.all([
      store.responses.insert(response, 'hash-a', NPS_9),
      store.responses.insert({ ...response, received_at: '2025-06-01T12:00:05.000Z' }, 'hash-a', NPS_9),
      store.responses.insert({ ...response, customer: { name: 'Someone else' } }, 'hash-b', NPS_9),
    ]);
    expect(store.responses.insertStats().batches - before).toBe(1);
    expect(results).toEqual([{ status: 'created', response }, { status: 'duplicate', response }, { status: 'conflict' }]);
    expect(await store.responses.count()).toBe(1);
    expect(await store.ratings.counts('acme', 'nps', { from: new Date('2025-06-01T00:00:00Z'), to: new Date('2025-06-01T23:59:59.999Z') }, {})).toEqual(new Map([[9, 1]]));
  });

  it('fails only the response that cannot be stored: the rest of its batch is stored and counted', async () => {
    const db = await openTestDb();
    const store = await track(createStore(db));
    const responses = variedResponses(5, 32);
    const refused = responses[2]!;
    await refuseInsertOf(db, refused.id);

    const results = await Promise.allSettled(responses.map((r) => insert(store, r)));

    expect(results.map((r) => (r.status === 'fulfilled' ? r.value.status : 'rejected'))).toEqual(['created', 'created', 'rejected', 'created', 'created']);
    expect(String((results[2] as PromiseRejectedResult).reason)).toContain('refused');
    expect(await store.responses.get(refused.id)).toBeUndefined();
    expect(await store.responses.count()).toBe(4);
    expect((await store.responses.list('acme', {}, { limit: 1, offset: 0 })).total).toBe(4);
    expect(await store.stats.count('acme', WHOLE)).toBe(4);
  });

  it('rejects every caller of a batch whose commit fails, and stores none of them', async () => {
    const db = await openTestDb();
    const store = await track(createStore(db));
    const responses = variedResponses(4, 33);
    await failCommitWith(db, responses[1]!.id);

    const results = await Promise.allSettled(responses.map((r) => insert(store, r)));

    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected', 'rejected']);
    // The deferred foreign key's error, which only COMMIT raises.
    for (const r of results) expect(['SQLITE_CONSTRAINT_FOREIGNKEY', '23503']).toContain((r as PromiseRejectedResult).reason.code);
    expect(await store.responses.count()).toBe(0);
    expect(await store.stats.count('acme', WHOLE)).toBe(0);
    expect(await store.jobs.pending(['webhook'])).toBe(0);
    // Nothing of the failed batch lingers: the same responses, without the one that breaks the commit, go in.
    expect((await insert(store, responses[0]!)).status).toBe('created');
  });

  it('counts every response once when two instances insert into the same rollups at the same moments', async () => {
    const responses = variedResponses(400, 35);
    const [a, b] = await twoInstances();
    // Waves of 20 per instance: each wave is one batch per instance, the two committing side by side
    // (on PostgreSQL) and upserting many of the same day, segment and score rows.
    for (let i = 0; i < responses.length; i += 40) {
      const wave = responses.slice(i, i + 40);
      await Promise.all(wave.map((r, j) => insert(j % 2 === 0 ? a : b, r)));
    }
    const reference = await track(openTestStore());
    await Promise.all(responses.map((r) => insert(reference, r)));
    expect(await a.stats.count('acme', WHOLE)).toBe(400);
    expect(await b.stats.daily('acme', WHOLE)).toEqual(await reference.stats.daily('acme', WHOLE));
    expect(await a.stats.scores('acme', WHOLE)).toEqual(await reference.stats.scores('acme', WHOLE));
    expect(await b.ratings.counts('acme', 'nps', MARCH, {})).toEqual(await reference.ratings.counts('acme', 'nps', MARCH, {}));
    expect((await a.responses.list('acme', {}, { limit: 1, offset: 0 })).total).toBe(400);
  });

  it('finishes the inserts already queued before close() closes the database', async () => {
    const store = await openTestStore();
    const pending = variedResponses(20, 34).map((r) => insert(store, r));
    await store.close();
    expect((await Promise.all(pending)).map((r) => r.status)).toEqual(Array(20).fill('created'));
  });
});
