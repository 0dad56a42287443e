/**
 * Two proxies on one database, as a merchant runs them behind a load
 * balancer: the same response posted to both is stored once, and a job is
 * claimed by one of them only. On SQLite the two share a file; in the
 * proxy-pg project they share a PostgreSQL database, where claims are
 * `FOR UPDATE SKIP LOCKED`.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addJob } from '../../src/proxy/store/job-store';
import { openSqlite } from '../../src/proxy/store/open-database';
import { openPostgres } from '../../src/proxy/store/open-postgres';
import { openStore, type Store } from '../../src/proxy/store/open-store';
import { indexStats } from '../../src/proxy/index-stats';
import { createOrgSettings } from '../../src/proxy/org-settings/org-settings';
import { createSurveyCatalog } from '../../src/proxy/survey-catalog';
import { tempDir } from './fixtures';
import { insertAll, SURVEYS, variedResponses } from './store/dashboard-fixtures';
import { NPS_9, storedResponse } from './store/store-fixtures';
import { BACKEND, closeStoresAfterEach, freshDatabase } from './test-store';

const T0 = new Date('2026-11-23T10:00:00.000Z');
const track = closeStoresAfterEach();

/** Two stores on one new database, each with its own connections. */
async function twoInstances(): Promise<[Store, Store, string]> {
  const location = BACKEND === 'postgres' ? await freshDatabase() : join(tempDir(), 'shared.sqlite');
  const a = await track(openStore(location, { poolSize: 4, busyTimeoutMs: 10_000 }));
  const b = await track(openStore(location, { poolSize: 4, busyTimeoutMs: 10_000 }));
  return [a, b, location];
}

/** Adds due relay jobs for subjects 1..n, as a feedback request's insert would. */
async function addJobs(location: string, n: number): Promise<void> {
  const db = BACKEND === 'postgres' ? await openPostgres(location, { poolSize: 1 }) : openSqlite(location);
  try {
    for (let i = 1; i <= n; i++) await addJob(db, { kind: 'relay', org: 'acme', subjectId: i, dueAt: T0 }, T0);
  } finally {
    await db.destroy();
  }
}

describe(`two instances on one ${BACKEND} database`, () => {
  it('store a response posted to both at once exactly once: one is created, the other is the retry', async () => {
    const [a, b] = await twoInstances();
    const responses = Array.from({ length: 120 }, () => storedResponse({ id: randomUUID() }));
    const results = await Promise.all(responses.flatMap((r) => [a.responses.insert(r, 'same', NPS_9), b.responses.insert(r, 'same', NPS_9)]));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 'created')).toHaveLength(120);
    expect(statuses.filter((s) => s === 'duplicate')).toHaveLength(120);
    expect(await a.responses.count()).toBe(120);
    // The counters moved once per response, not once per post.
    expect((await b.responses.list('acme', {}, { limit: 1, offset: 0 })).total).toBe(120);
  });

  // Only on PostgreSQL here: better-sqlite3 waits for a lock synchronously, so two SQLite stores in one
  // process would block the thread the lock holder needs to commit. Separate processes on one SQLite
  // file are proven by test/e2e/relay-crash.test.ts.
  it.runIf(BACKEND === 'postgres')('never hand one job to both, however they race for it', async () => {
    const [a, b, location] = await twoInstances();
    await addJobs(location, 300);
    const claimed = new Map<number, string>();
    const drain = async (store: Store, owner: string) => {
      for (;;) {
        const jobs = await store.jobs.claim(['relay'], owner, T0, 60_000, 7);
        if (jobs.length === 0) return;
        for (const job of jobs) {
          expect(claimed.has(job.id), `job ${job.id} claimed twice`).toBe(false);
          claimed.set(job.id, owner);
          await store.jobs.finish(job.id, owner, T0);
        }
      }
    };
    await Promise.all([drain(a, 'a'), drain(b, 'b'), drain(a, 'a2'), drain(b, 'b2')]);
    expect(claimed.size).toBe(300);
    expect(new Set(claimed.values()).size).toBeGreaterThan(1);
    expect(await a.jobs.pending(['relay'])).toBe(0);
  });

  it('give a dead instance’s job to the other once its lease runs out, and not before', async () => {
    const [a, b, location] = await twoInstances();
    await addJobs(location, 1);
    const [held] = await a.jobs.claim(['relay'], 'dies', T0, 30_000, 10);
    expect(held).toBeDefined();
    expect(await b.jobs.claim(['relay'], 'lives', new Date(T0.getTime() + 29_000), 30_000, 10)).toEqual([]);
    const [taken] = await b.jobs.claim(['relay'], 'lives', new Date(T0.getTime() + 31_000), 30_000, 10);
    expect(taken).toMatchObject({ id: held!.id, attempts: 2, lease_owner: 'lives' });
    // The dead instance, had it woken up, could no longer record an outcome over its successor's.
    expect(await a.jobs.finish(held!.id, 'dies', new Date(T0.getTime() + 32_000))).toBe(false);
    expect(await b.jobs.finish(held!.id, 'lives', new Date(T0.getTime() + 32_000))).toBe(true);
  });

  it.runIf(BACKEND === 'postgres')('take turns rebuilding the dashboard figures after a zone change, so they are counted once', async () => {
    const [a, b] = await twoInstances();
    const [reference] = await twoInstances();
    const responses = variedResponses(600, 7);
    await insertAll(a, responses, 'UTC');
    await insertAll(reference, responses, 'Europe/Paris');
    const catalog = createSurveyCatalog(SURVEYS.map((survey) => ({ org: 'acme', code: `survey-${survey.id}`, survey })));
    const inParis = createOrgSettings({ acme: { timeZone: 'Europe/Paris' } });
    const logged: string[] = [];
    await Promise.all([indexStats(a, catalog, inParis, (line) => logged.push(line)), indexStats(b, catalog, inParis, (line) => logged.push(line))]);
    expect(logged.filter((line) => line.includes('built acme'))).toHaveLength(1);
    const whole = { first: '2000-01-01', last: '2099-12-31' };
    expect(await b.stats.daily('acme', whole)).toEqual(await reference.stats.daily('acme', whole));
    expect(await b.stats.league('acme', 'site_code', whole)).toEqual(await reference.stats.league('acme', 'site_code', whole));
  });

  it.runIf(BACKEND === 'postgres')('run start-up chores under one name one at a time, and under different names side by side', async () => {
    const [a, b] = await twoInstances();
    const timeline: string[] = [];
    const chore = (store: Store, who: string, name: string) =>
      store.exclusively(name, async () => {
        timeline.push(`${who} in`);
        await new Promise((resolve) => setTimeout(resolve, 150));
        timeline.push(`${who} out`);
      });
    await Promise.all([chore(a, 'a', 'rebuild'), chore(b, 'b', 'rebuild')]);
    expect([timeline.slice(0, 2), timeline.slice(2)].every(([enter, leave]) => enter!.split(' ')[0] === leave!.split(' ')[0])).toBe(true);
    timeline.length = 0;
    await Promise.all([chore(a, 'a', 'one chore'), chore(b, 'b', 'another chore')]);
    expect(timeline.slice(0, 2).sort()).toEqual(['a in', 'b in']);
  });
});
