import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { indexStats } from '../../src/proxy/index-stats';
import { createOrgSettings, type OrgSettings } from '../../src/proxy/org-settings/org-settings';
import { MIGRATIONS } from '../../src/proxy/store/migrations/index';
import { openStore } from '../../src/proxy/store/open-store';
import { BENCH_ORG, benchSurveys, type BenchSurveys } from './bench-catalog';
import { cachedDataset, type CachedDataset } from './dataset-cache';
import { seedDatabase } from './seed-database';

export const BENCH_RESPONSES = 1_000_000;
const SEED = 20_251_123;
/**
 * The bench org's zone, the same in every bench so their days agree. UTC, not
 * Europe/London: bench-endpoints.ts works out the v1 API's expected periods in
 * UTC, and the default 30 days of `/csat` cross the end of British Summer Time,
 * so under London its check counts an hour the API does not.
 */
export const BENCH_ZONE = 'UTC';
// Bump when the generator or the seeding changes; a new migration re-seeds by itself.
// /2: the seeding builds the dashboard's rollups in BENCH_ZONE.
const VERSION = `api-1m/2 responses=${BENCH_RESPONSES} seed=${SEED} zone=${BENCH_ZONE} migrations=${Object.keys(MIGRATIONS).join(',')}`;

export interface BenchDataset extends BenchSurveys {
  dataset: CachedDataset;
  /** The zone the rollups were built in, for `createApp`: the same in every bench, so days agree. */
  orgSettings: OrgSettings;
  /** How long building the dashboard's rollups from the seeded responses took, when known. */
  rollupSeconds: number | undefined;
}

/**
 * The 1,000,000-response SQLite file every bench reads (`.bench/api-1m.sqlite`),
 * seeded once and cached: the responses through `seedDatabase`, then the
 * dashboard's rollups, segment rows and search text through the proxy's own
 * `indexStats`, as a proxy upgraded over an existing database would build them.
 * The rollups need their own pass because the seeding writes rows with raw SQL,
 * past the store's per-response bookkeeping.
 */
export async function benchDataset(repoRoot: string, { reseed = false }: { reseed?: boolean } = {}): Promise<BenchDataset> {
  const surveys = benchSurveys(repoRoot);
  const orgSettings = createOrgSettings({ [BENCH_ORG]: { timeZone: BENCH_ZONE } });
  const dir = join(repoRoot, '.bench');
  // A side note beside the cache's own stamp: the stamp records one seeding time, this the rollups' share of it.
  const notePath = join(dir, 'api-1m-rollups.json');
  const dataset = await cachedDataset(
    dir,
    'api-1m',
    VERSION,
    async (path, until) => {
      console.error(`Seeding ${relative(repoRoot, path)} with ${BENCH_RESPONSES.toLocaleString('en')} responses (cached for later runs)…`);
      const started = performance.now();
      await seedDatabase(path, surveys.catalog, { responses: BENCH_RESPONSES, days: 395, until, seed: SEED }, (done) => {
        if (done % 100_000 === 0) console.error(`  ${done.toLocaleString('en')} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
      });
      const rollupSeconds = await buildRollups(path, surveys, orgSettings);
      console.error(`Built the dashboard's rollups (days in ${BENCH_ZONE}) in ${rollupSeconds.toFixed(1)} s`);
      writeFileSync(notePath, `${JSON.stringify({ version: VERSION, rollupSeconds }, null, 2)}\n`);
    },
    { reseed },
  );
  return { ...surveys, dataset, orgSettings, rollupSeconds: readRollupSeconds(notePath) };
}

/** `indexStats` over the freshly seeded file, as the proxy runs it at start; returns its seconds. */
async function buildRollups(path: string, { catalog }: BenchSurveys, orgSettings: OrgSettings): Promise<number> {
  const store = await openStore(path);
  try {
    const started = performance.now();
    await indexStats(store, catalog, orgSettings, (message) => console.error(`  ${message}`));
    return (performance.now() - started) / 1000;
  } finally {
    await store.close();
  }
}

function readRollupSeconds(path: string): number | undefined {
  if (!existsSync(path)) return undefined;
  try {
    const note = JSON.parse(readFileSync(path, 'utf8')) as { version?: string; rollupSeconds?: number };
    return note.version === VERSION && typeof note.rollupSeconds === 'number' ? note.rollupSeconds : undefined;
  } catch {
    return undefined; // unreadable: the summary just leaves the figure out
  }
}
