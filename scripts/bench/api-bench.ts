/**
 * `npm run bench`: how fast the v1 REST API answers over a million responses.
 *
 * Seeds (once, cached in `.bench/`) a SQLite file with 1,000,000 responses to
 * three surveys, 20 sites and 50 staff, then times each endpoint in process
 * through `app.request()`, the whole request path but the socket. Prints p50
 * and p99 against a 50 ms target, beside two baselines that do no real
 * database work, so framework cost and query cost can be told apart.
 * Exits 0 whatever the timings (it is a report), 1 when a reply is wrong.
 *
 *   npm run bench -- --reseed       seed again even if the cache is current
 *   npm run bench -- --runs=500     timed requests per endpoint (default 200)
 */
import { cpus } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '../../src/proxy/create-app';
import { MIGRATIONS } from '../../src/proxy/store/migrations/index';
import { openStore } from '../../src/proxy/store/open-store';
import { BENCH_ORG, benchSurveys } from './bench-catalog';
import { benchEndpoints } from './bench-endpoints';
import { formatTable, type TableRow } from './bench-table';
import { cachedDataset } from './dataset-cache';
import { readDatasetFacts } from './dataset-facts';
import { customerEmail } from './fake-payload';
import { measure } from './measure';
import { seedDatabase } from './seed-database';

const RESPONSES = 1_000_000;
const SEED = 20_251_123;
const TARGET_MS = 50;
const TOKEN = 'bench-token';
// Bump when the generator or the seeding changes; a new migration re-seeds by itself.
const VERSION = `api-1m/1 responses=${RESPONSES} seed=${SEED} migrations=${Object.keys(MIGRATIONS).join(',')}`;
const HEADERS = { Accept: 'application/vnd.customersure.v1+json', 'User-Agent': 'bench', Authorization: `Token token="${TOKEN}"` };

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const runs = Number(args.find((a) => a.startsWith('--runs='))?.slice('--runs='.length) ?? 200);
const warmup = 20;

const { catalog, byCode } = benchSurveys(repoRoot);
const dataset = await cachedDataset(
  join(repoRoot, '.bench'),
  'api-1m',
  VERSION,
  (path, until) => {
    console.error(`Seeding ${relative(repoRoot, path)} with ${RESPONSES.toLocaleString('en')} responses (cached for later runs)…`);
    const started = performance.now();
    return seedDatabase(path, catalog, { responses: RESPONSES, days: 395, until, seed: SEED }, (done) => {
      if (done % 100_000 === 0) console.error(`  ${done.toLocaleString('en')} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    });
  },
  { reseed: args.includes('--reseed') },
);

const until = new Date(dataset.stamp.until);
const email = customerEmail(4242);
const facts = readDatasetFacts(dataset.path, BENCH_ORG);
const siteId = facts.siteId('newcastle');
const endpoints = benchEndpoints(facts, { now: until, email, siteId, targetMs: TARGET_MS });
printSummary();
facts.close();

const store = await openStore(dataset.path);
const app = createApp({
  catalog,
  store,
  tokenLookup: async (token) => (token === TOKEN ? BENCH_ORG : undefined),
  allowedOrigins: [],
  readWidgetScript: () => undefined,
  demoDir: join(repoRoot, 'demo'),
  // Pinned to where the data ends, so `period=12-months` and the 30-day default cover the same rows on every run.
  now: () => until,
});

const rows: TableRow[] = [['endpoint', 'p50 ms', 'p99 ms', 'target', 'verdict']];
let wrong = 0;
for (const endpoint of endpoints) {
  const timing = await measure(() => app.request(endpoint.path, { headers: HEADERS }), endpoint.check, { warmup, runs });
  const label = `GET ${decodeURIComponent(endpoint.path)}`;
  const target = endpoint.targetMs === undefined ? '-' : `≤ ${endpoint.targetMs} ms`;
  if ('problem' in timing) {
    wrong++;
    console.error(`WRONG REPLY ${label}: ${timing.problem}`);
    rows.push([label, '-', '-', target, 'ERROR']);
    continue;
  }
  const verdict = endpoint.targetMs === undefined ? 'baseline' : timing.p99 <= endpoint.targetMs ? 'PASS' : 'FAIL';
  rows.push([label, timing.p50.toFixed(2), timing.p99.toFixed(2), target, verdict]);
}
await store.close();

console.log(`\n${formatTable(rows)}\n`);
if (wrong) console.error(`${wrong} endpoint(s) answered wrongly; see above.`);
process.exit(wrong ? 1 : 0);

function printSummary(): void {
  const n = (x: number) => x.toLocaleString('en');
  const name = (id: number) => Object.entries(byCode).find(([, s]) => s.id === id)?.[0] ?? '?';
  const seeding = dataset.reused
    ? `reused the cached file (seeded in ${dataset.stamp.seedSeconds.toFixed(1)} s, data up to ${dataset.stamp.until})`
    : `seeded in ${dataset.stamp.seedSeconds.toFixed(1)} s`;
  console.log(`v1 API bench: in process via app.request(), Node ${process.version}, ${cpus().length} CPUs, ${warmup} warm-up + ${runs} timed requests per endpoint`);
  console.log(`Dataset ${relative(repoRoot, dataset.path)} (${(facts.fileBytes / 2 ** 20).toFixed(0)} MiB): ${seeding}`);
  console.log(`  ${n(facts.responses)} responses: ${facts.perSurvey.map((s) => `${name(s.surveyId)} (${s.surveyId}) ${n(s.n)}`).join(', ')}`);
  console.log(`  ratings: ${n(facts.ratings.nps)} NPS, ${n(facts.ratings.csat)} CSAT; ${facts.sites} sites, ${facts.staff} staff, ${n(facts.distinctEmails)} customer emails`);
  console.log(`  received ${facts.firstReceived} to ${facts.lastReceived}; the app's clock is pinned at ${until.toISOString()}`);
  console.log(`  email filter: ${email} (${facts.emailResponses(email)} responses); site filter: newcastle, id ${siteId} (${n(facts.siteResponses(siteId).n)} responses)`);
}
