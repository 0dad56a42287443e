/**
 * `npm run bench`: how fast the v1 REST API answers over a million responses.
 *
 * Seeds (once, cached in `.bench/` and shared with dashboard-bench.ts) a
 * SQLite file with 1,000,000 responses to three surveys, 20 sites and 50
 * staff, then times each endpoint in process through `app.request()`, the
 * whole request path but the socket. Prints p50 and p99 against a 50 ms
 * target, beside two baselines that do no real database work, so framework
 * cost and query cost can be told apart.
 * Exits 0 whatever the timings (it is a report), 1 when a reply is wrong.
 *
 *   tsx scripts/bench/api-bench.ts --reseed       seed again even if the cache is current
 *   tsx scripts/bench/api-bench.ts --runs=500     timed requests per endpoint (default 200)
 * (`npm run bench -- …` hands its arguments to the last bench in the script only.)
 */
import { cpus } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '../../src/proxy/create-app';
import { openStore } from '../../src/proxy/store/open-store';
import { BENCH_ORG } from './bench-catalog';
import { benchDataset } from './bench-dataset';
import { benchEndpoints } from './bench-endpoints';
import { formatTable } from './bench-table';
import { timeEndpoints } from './time-endpoints';
import { readDatasetFacts } from './dataset-facts';
import { customerEmail } from './fake-payload';

const TARGET_MS = 50;
const TOKEN = 'bench-token';
const HEADERS = { Accept: 'application/vnd.customersure.v1+json', 'User-Agent': 'bench', Authorization: `Token token="${TOKEN}"` };

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const runs = Number(args.find((a) => a.startsWith('--runs='))?.slice('--runs='.length) ?? 200);
const warmup = 20;

const { catalog, byCode, dataset, orgSettings, rollupSeconds } = await benchDataset(repoRoot, { reseed: args.includes('--reseed') });

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
  orgSettings,
  tokenLookup: async (token) => (token === TOKEN ? BENCH_ORG : undefined),
  allowedOrigins: [],
  readWidgetScript: () => undefined,
  demoDir: join(repoRoot, 'demo'),
  // Pinned to where the data ends, so `period=12-months` and the 30-day default cover the same rows on every run.
  now: () => until,
});

const { rows, wrong } = await timeEndpoints(endpoints, (endpoint) => app.request(endpoint.path, { headers: HEADERS }), { warmup, runs, digits: 2 });
await store.close();

console.log(`\n${formatTable(rows)}\n`);
if (wrong) console.error(`${wrong} endpoint(s) answered wrongly; see above.`);
process.exit(wrong ? 1 : 0);

function printSummary(): void {
  const n = (x: number) => x.toLocaleString('en');
  const name = (id: number) => Object.entries(byCode).find(([, s]) => s.id === id)?.[0] ?? '?';
  const rollups = rollupSeconds === undefined ? '' : `, dashboard rollups ${rollupSeconds.toFixed(1)} s of it`;
  const seeding = dataset.reused
    ? `reused the cached file (seeded in ${dataset.stamp.seedSeconds.toFixed(1)} s${rollups}, data up to ${dataset.stamp.until})`
    : `seeded in ${dataset.stamp.seedSeconds.toFixed(1)} s${rollups}`;
  console.log(`v1 API bench: in process via app.request(), Node ${process.version}, ${cpus().length} CPUs, ${warmup} warm-up + ${runs} timed requests per endpoint`);
  console.log(`Dataset ${relative(repoRoot, dataset.path)} (${(facts.fileBytes / 2 ** 20).toFixed(0)} MiB): ${seeding}`);
  console.log(`  ${n(facts.responses)} responses: ${facts.perSurvey.map((s) => `${name(s.surveyId)} (${s.surveyId}) ${n(s.n)}`).join(', ')}`);
  console.log(`  ratings: ${n(facts.ratings.nps)} NPS, ${n(facts.ratings.csat)} CSAT; ${facts.sites} sites, ${facts.staff} staff, ${n(facts.distinctEmails)} customer emails`);
  console.log(`  received ${facts.firstReceived} to ${facts.lastReceived}; the app's clock is pinned at ${until.toISOString()}`);
  console.log(`  email filter: ${email} (${facts.emailResponses(email)} responses); site filter: newcastle, id ${siteId} (${n(facts.siteResponses(siteId).n)} responses)`);
}
