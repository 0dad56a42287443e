/**
 * The abuse limits' counters in the database (`store.rateLimits`), which
 * instances on one PostgreSQL share; run on SQLite in the proxy project and
 * on PostgreSQL in proxy-pg.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../src/proxy/store/open-store';
import { createRateLimitStore } from '../../../src/proxy/store/rate-limit-store';
import { tempDir } from '../fixtures';
import { BACKEND, closeStoresAfterEach, freshDatabase, openTestDb, openTestStore } from '../test-store';

const W = 1_750_000_020_000;
const track = closeStoresAfterEach();

describe(`rate-limit counters on ${BACKEND}`, () => {
  it('give 200 concurrent hits on one key the counts 1 to 200, each once', async () => {
    const store = await track(openTestStore());
    const counts = (await Promise.all(Array.from({ length: 200 }, () => store.rateLimits.hit(['responses-org:acme'], W)))).map(([n]) => n!);
    expect(counts.sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
  });

  it('give two instances racing on one key the counts 1 to 200 between them, each once', async () => {
    const location = BACKEND === 'postgres' ? await freshDatabase() : join(tempDir(), 'shared.sqlite');
    const a = await track(openStore(location, { poolSize: 4, busyTimeoutMs: 10_000 }));
    const b = await track(openStore(location, { poolSize: 4, busyTimeoutMs: 10_000 }));
    const counts = (await Promise.all(Array.from({ length: 200 }, (_, i) => (i % 2 ? a : b).rateLimits.hit(['responses-org:acme'], W)))).map(([n]) => n!);
    expect(counts.sort((x, y) => x - y)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
  });

  it('give concurrent calls on overlapping keys each their own count on every key', async () => {
    const store = await track(openTestStore());
    const calls = await Promise.all(Array.from({ length: 60 }, (_, i) => store.rateLimits.hit(i % 3 ? ['ip:1', 'org:acme'] : ['org:acme'], W)));
    const org = calls.map((c) => c[c.length - 1]!).sort((x, y) => x - y);
    const ip = calls.filter((c) => c.length === 2).map((c) => c[0]!).sort((x, y) => x - y);
    expect(org).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(ip).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it('count every key of one call in one statement, in the order asked', async () => {
    const store = await track(openTestStore());
    await store.rateLimits.hit(['b'], W);
    expect(await store.rateLimits.hit(['b', 'a'], W)).toEqual([2, 1]);
  });

  it('start every key again in a new window', async () => {
    const store = await track(openTestStore());
    await store.rateLimits.hit(['a'], W);
    expect(await store.rateLimits.hit(['a'], W + 60_000)).toEqual([1]);
  });

  it('delete windows before the previous one once a new window begins', async () => {
    const db = await openTestDb();
    try {
      const counter = createRateLimitStore(db);
      await counter.hit(['a'], W);
      await counter.hit(['a'], W + 60_000);
      await counter.hit(['a'], W + 120_000);
      const windows = async () => (await db.selectFrom('rate_limit_hits').select('window_start').execute()).map((r) => Number(r.window_start)).sort();
      await expect.poll(windows).toEqual([W + 60_000, W + 120_000]);
    } finally {
      await db.destroy();
    }
  });
});
