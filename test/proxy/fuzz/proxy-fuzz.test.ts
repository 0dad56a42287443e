/**
 * The proxy against 10,000 generated requests (fuzz-requests.ts), in process
 * on an in-memory SQLite store. Replay a run with its seed:
 * `FUZZ_SEED=1305 npx vitest run --project proxy test/proxy/fuzz`; `FUZZ_RUNS`
 * changes how many requests are sent.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createStore } from '../../../src/proxy/store/open-store';
import { migrateToLatest } from '../../../src/proxy/store/migrate';
import { openSqlite } from '../../../src/proxy/store/open-database';
import type { ErrorBody } from '../../../src/shared/error-body';
import { testApp } from '../fixtures';
import { FUZZ_API_TOKEN, fuzzRequest, type FuzzRequest } from './fuzz-requests';
import { nonHttpPageUrls, uncleanStoredText } from './unclean-stored-text';

const SEED = Number(process.env.FUZZ_SEED ?? 1305);
const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);

/** What the histogram counts a reply as: its request, status and, for an error, the first field and code it names. */
function outcome(request: FuzzRequest, status: number, text: string): string {
  let detail = '';
  if (status >= 400) {
    try {
      const body = JSON.parse(text) as ErrorBody;
      const first = body.errors?.[0];
      // Keys and question ids are the fuzzer's inventions: one row per kind of field, not per key.
      detail = first ? `${first.field.replace(/^(customer|segments|metadata)\..*$/s, '$1.*').replace(/\.\d+\./g, '.*.')} ${first.error}` : body.message.replace(/\d+/g, 'N').slice(0, 48);
    } catch {
      detail = text.replace(/\s+/g, ' ').slice(0, 32);
    }
  }
  return `${request.label.padEnd(30)} ${String(status).padEnd(4)} ${detail}`;
}

describe('the proxy under generated requests', () => {
  it(`answers ${RUNS.toLocaleString('en')} of them with 2xx or 4xx, answers each stored response with what it stored, and stores only clean text`, async () => {
    const db = openSqlite(':memory:');
    await migrateToLatest(db);
    const store = createStore(db);
    const { app, logged } = await testApp({ store, tokenLookup: async (token) => (token === FUZZ_API_TOKEN ? 'acme' : undefined), readWidgetStyles: () => ':host{color:black}' });
    const histogram = new Map<string, number>();
    console.log(`[fuzz] seed ${SEED}, ${RUNS} requests (replay: FUZZ_SEED=${SEED})`);
    const started = performance.now();

    await fc.assert(
      fc.asyncProperty(fuzzRequest, async (request) => {
        const res = await app.request(request.path, request.init);
        const text = await res.text();
        const key = outcome(request, res.status, text);
        histogram.set(key, (histogram.get(key) ?? 0) + 1);
        expect(res.status >= 200 && res.status < 300 || res.status >= 400 && res.status < 500, `${request.label} ${res.status} ${text.slice(0, 300)}`).toBe(true);
        if (request.label === 'POST /v1/responses' && res.ok) {
          const body = JSON.parse(text) as { id: string };
          expect(body).toEqual(await store.responses.get(body.id));
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );

    const seconds = (performance.now() - started) / 1000;
    const stored = await store.responses.count();
    const rows = [...histogram].sort(([a], [b]) => a.localeCompare(b)).map(([key, count]) => `${String(count).padStart(6)}  ${key}`);
    console.log(`[fuzz] ${RUNS} requests in ${seconds.toFixed(1)} s; ${stored} responses stored\n${rows.join('\n')}`);
    expect(logged.filter((line) => line.includes('internal error'))).toEqual([]);
    expect(await uncleanStoredText(db)).toEqual([]);
    expect(await nonHttpPageUrls(db)).toEqual([]);
    // The mix stores some of what it sends, so the clean-text check above read real rows.
    expect(stored).toBeGreaterThan(RUNS / 100);
    await store.close();
  }, 180_000);
});
