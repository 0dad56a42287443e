/**
 * Two proxies on one database, as behind a load balancer: a per-org limit is
 * the org's across both. On PostgreSQL each instance counts in the shared
 * table, as wireApp wires it; on SQLite one process serves the file, so the
 * two apps share that process's memory counter.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RATE_LIMITS_OFF } from '../../../src/proxy/config';
import { createMemoryCounter } from '../../../src/proxy/rate-limit/memory-counter';
import { openStore } from '../../../src/proxy/store/open-store';
import { tempDir, testApp, validPayload } from '../fixtures';
import { BACKEND, closeStoresAfterEach, freshDatabase } from '../test-store';

const NOW = new Date('2025-06-01T12:00:00.000Z');
const track = closeStoresAfterEach();

describe(`a per-org limit across two instances on one ${BACKEND} database`, () => {
  it('lets exactly 7 of 100 responses through, however they are spread over the two', async () => {
    const location = BACKEND === 'postgres' ? await freshDatabase() : join(tempDir(), 'shared.sqlite');
    const memory = createMemoryCounter();
    const instance = async () => {
      const store = await track(openStore(location, { poolSize: 4, busyTimeoutMs: 10_000 }));
      const rateCounter = BACKEND === 'postgres' ? store.rateLimits : memory;
      return (await testApp({ store, rateCounter, now: () => NOW, rateLimits: { ...RATE_LIMITS_OFF, responsesPerOrg: 7 } })).app;
    };
    const apps = [await instance(), await instance()];
    const replies = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        apps[i % 2]!.request(
          '/v1/responses',
          { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(validPayload({ id: randomUUID(), submitted_at: NOW.toISOString() })) },
          { incoming: { socket: { remoteAddress: `198.51.100.${i}` } } },
        ),
      ),
    );
    expect(replies.filter((r) => r.status === 201)).toHaveLength(7);
    expect(replies.filter((r) => r.status === 429)).toHaveLength(93);
  });
});
