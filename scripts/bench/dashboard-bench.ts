/**
 * `npm run bench`, second half: the results dashboard over a million responses
 * (issue 11: "overview, league table and a filtered list each answer in at
 * most 300 ms at the server and render in at most 1 s; the dashboard's script
 * at most 60 KB gzip").
 *
 * Reads the same cached dataset as api-bench.ts (bench-dataset.ts seeds it
 * once, rollups included), then reports four parts, each beside a baseline
 * measured in the same run:
 *   1. the dashboard's JSON API in process (`app.request`, clock pinned where
 *      the data ends): p50 and p99 per endpoint, against `/me` and the v1 `/nps`;
 *   2. a streamed CSV export of the whole year: rows/s, size, peak memory growth;
 *   3. three views in Debian's Chromium against the app on a loopback port:
 *      navigation to data painted, against a view with almost no data;
 *   4. the dashboard's script size, gzip -9, against the widget's.
 * Every reply is checked against the raw tables; a wrong one exits 1. Timings
 * never fail the run: it is a report.
 *
 *   tsx scripts/bench/dashboard-bench.ts --runs=200     timed requests per endpoint (default 100)
 *   tsx scripts/bench/dashboard-bench.ts --renders=8    timed page loads per view (default 8)
 *   tsx scripts/bench/dashboard-bench.ts --reseed       seed again even if the cache is current
 */
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { cpus } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { en } from '../../src/dashboard/i18n/en';
import { createApp } from '../../src/proxy/create-app';
import { openStore } from '../../src/proxy/store/open-store';
import type { ResponseListJson } from '../../src/shared/dashboard/dashboard-replies';
import { BENCH_ORG } from './bench-catalog';
import { BENCH_ZONE, benchDataset } from './bench-dataset';
import { formatTable, type TableRow } from './bench-table';
import { timeEndpoints } from './time-endpoints';
import { dashboardEndpoints, FILTERED_QUERY, LIST_PATH } from './dashboard-endpoints';
import { readDashboardFacts } from './dashboard-facts';
import { measureRenders, type RenderView } from './measure-renders';
import { measureStream } from './measure-stream';
import { dashboardScripts, scriptSize } from './script-sizes';

const SERVER_TARGET_MS = 300;
const RENDER_TARGET_MS = 1000;
const SCRIPT_BUDGET = 60 * 1024;

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../..');
const dashboardDir = join(repoRoot, 'dist/dashboard');
const args = process.argv.slice(2);
const option = (name: string, fallback: number) => Number(args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback);
const runs = option('runs', 100);
const renders = option('renders', 8);
const warmup = 10;
const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);

if (!existsSync(join(dashboardDir, 'index.html'))) {
  console.error(`${relative(repoRoot, dashboardDir)}/index.html is missing: run \`npm run build\` first, then this bench again.`);
  process.exit(1);
}

const { catalog, dataset, orgSettings, rollupSeconds } = await benchDataset(repoRoot, { reseed: args.includes('--reseed') });
const until = new Date(dataset.stamp.until);
const factsStarted = performance.now();
const facts = readDashboardFacts(dataset.path, BENCH_ORG, until, BENCH_ZONE);
const factsSeconds = (performance.now() - factsStarted) / 1000;

const store = await openStore(dataset.path);
const problems: string[] = [];
const app = createApp({
  catalog,
  store,
  orgSettings,
  allowedOrigins: [],
  readWidgetScript: () => undefined,
  demoDir: join(repoRoot, 'demo'),
  dashboardDir,
  // Pinned to where the data ends, so `12-months` covers the same rows on every run.
  now: () => until,
  log: (message) => problems.push(message),
});
const { token, id: tokenId } = await store.tokens.create(BENCH_ORG, 'dashboard bench', until);
let wrong = 0;
try {
  printSummary();
  const cookie = await signIn(app, token);
  await timeApi(cookie, await cursorOfPage(app, cookie, 3));
  await timeExport(cookie);
  await timeRenders();
  printSizes();
} catch (error) {
  wrong++;
  console.error(`BENCH FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
} finally {
  await store.tokens.revoke(tokenId, until);
  await store.close();
}
for (const problem of problems) console.error(`the app logged: ${problem}`);
if (wrong) console.error(`${wrong} wrong reply(ies); see above.`);
process.exit(wrong || problems.length ? 1 : 0);

/** Part 1: the dashboard's JSON API in process. */
async function timeApi(cookie: string, page3Cursor: string): Promise<void> {
  const headers = {
    session: { Cookie: cookie },
    token: { Accept: 'application/vnd.customersure.v1+json', 'User-Agent': 'bench', Authorization: `Token token="${token}"` },
  };
  const endpoints = dashboardEndpoints(facts, { targetMs: SERVER_TARGET_MS, page3Cursor, org: BENCH_ORG, zone: BENCH_ZONE });
  const timed = await timeEndpoints(endpoints, (endpoint) => app.request(endpoint.path, { headers: headers[endpoint.auth] }), {
    warmup,
    runs,
    digits: 1,
    label: (endpoint) => `GET ${decodeURIComponent(endpoint.path).replace(page3Cursor, '{page 3}')}`,
  });
  wrong += timed.wrong;
  const rows = timed.rows;
  console.log(`\n1. Dashboard API in process via app.request(), ${warmup} warm-up + ${runs} timed requests each\n\n${formatTable(rows)}\n`);
}

/** Part 2: the year as one CSV download, read to the end. */
async function timeExport(cookie: string): Promise<void> {
  const run = await measureStream(() => app.request('/dashboard/api/export.csv?period=12-months', { headers: { Cookie: cookie } }));
  const rows = run.lines - 1;
  const problem =
    run.status !== 200 ? `status ${run.status}: ${run.head.slice(0, 300)}`
    : !run.contentType?.startsWith('text/csv') ? `Content-Type ${run.contentType}`
    : !run.head.startsWith('\uFEFFid,') ? `unexpected header line: ${run.head.slice(0, 100)}`
    : rows !== facts.yearResponses ? `${rows} rows, the year has ${facts.yearResponses} responses`
    : undefined;
  if (problem) {
    wrong++;
    console.error(`WRONG REPLY GET /dashboard/api/export.csv?period=12-months: ${problem}`);
  }
  const table: TableRow[] = [
    ['export', 'rows', 'MiB', 'seconds', 'rows/s', 'peak RSS growth MiB', 'verdict'],
    [
      'GET /dashboard/api/export.csv?period=12-months',
      rows.toLocaleString('en'),
      mib(run.bytes),
      run.seconds.toFixed(1),
      Math.round(rows / run.seconds).toLocaleString('en'),
      mib(run.peakRssGrowth),
      problem ? 'ERROR' : 'report',
    ],
  ];
  console.log(`2. Streamed export in process, read to the end once; RSS sampled every 50 ms and per chunk\n\n${formatTable(table)}\n`);
  console.log(`   The baseline is the body itself: holding it would grow RSS by about ${mib(run.bytes)} MiB (more as JS strings); it grew ${mib(run.peakRssGrowth)} MiB.\n`);
}

/** Part 3: the views in Chromium, served on a loopback port. */
async function timeRenders(): Promise<void> {
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve, reject) => (server.listening ? resolve() : server.once('listening', () => resolve()).once('error', reject)));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const views: (RenderView & { baseline?: true })[] = [
    { label: 'overview #/overview?period=12-months', hash: '#/overview?period=12-months', ready: `section.card:has(> h2:text-is("${en.npsCard}")) p.big` },
    { label: 'league #/league?period=12-months', hash: '#/league?period=12-months', ready: 'main#main table.table tbody tr' },
    { label: `filtered list #/responses?${FILTERED_QUERY.replace('&limit=25', '')}`, hash: `#/responses?${FILTERED_QUERY.replace('&limit=25', '')}`, ready: 'table.responses-table tbody tr' },
    { label: 'invitations #/invitations (almost no data)', hash: '#/invitations', ready: 'main#main p.total', baseline: true },
  ];
  try {
    const timings = await measureRenders(origin, token, views, renders);
    const rows: TableRow[] = [['view', 'median ms', 'max ms', 'target', 'verdict']];
    for (const view of views) {
      const t = timings.get(view.label)!;
      const verdict = view.baseline ? 'baseline' : t.max <= RENDER_TARGET_MS ? 'PASS' : 'FAIL';
      rows.push([view.label, t.median.toFixed(0), t.max.toFixed(0), view.baseline ? '-' : `≤ ${RENDER_TARGET_MS} ms`, verdict]);
    }
    console.log(`3. Render in Chromium (${process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'}, 1280×800): page.goto to the data painted (+2 frames), cache warm, 1 untimed + ${renders} timed loads each\n\n${formatTable(rows)}\n`);
  } finally {
    if ('closeAllConnections' in server) server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

/** Part 4: the scripts a visit downloads, gzip -9. */
function printSizes(): void {
  const { entry, largestLocale, chunks } = dashboardScripts(dashboardDir);
  const widget = scriptSize(join(repoRoot, 'dist/survey_widget.js'), 'survey_widget.js');
  const budget = `≤ ${kb(SCRIPT_BUDGET)} KB`;
  const verdict = (gzip: number) => (gzip <= SCRIPT_BUDGET ? 'PASS' : 'FAIL');
  const rows: TableRow[] = [
    ['script', 'raw KB', 'gzip KB', 'budget', 'verdict'],
    [`dashboard entry (dist/dashboard/${entry.file})`, kb(entry.raw), kb(entry.gzip), budget, verdict(entry.gzip)],
  ];
  if (largestLocale) {
    rows.push([`largest locale chunk (dist/dashboard/${largestLocale.file})`, kb(largestLocale.raw), kb(largestLocale.gzip), '-', 'report']);
    rows.push(['entry + largest locale (a first visit in that language)', kb(entry.raw + largestLocale.raw), kb(entry.gzip + largestLocale.gzip), budget, verdict(entry.gzip + largestLocale.gzip)]);
  }
  rows.push([`widget script (dist/${widget.file})`, kb(widget.raw), kb(widget.gzip), '-', 'baseline']);
  console.log(`4. Script size, gzip -9 (${chunks} dashboard chunks)\n\n${formatTable(rows)}\n`);
}

/** Signs in as the page does and returns the session cookie (`name=value`). */
async function signIn(app: Hono, apiToken: string): Promise<string> {
  const reply = await app.request('/dashboard/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token: apiToken }) });
  const cookie = reply.headers.get('Set-Cookie')?.split(';')[0];
  if (reply.status !== 204 || !cookie) throw new Error(`POST /dashboard/api/session answered ${reply.status}: ${await reply.text()}`);
  return cookie;
}

/** The cursor of the filtered list's page `page`, by following `next_cursor` from page 1 as the page's Older button does. */
async function cursorOfPage(app: Hono, cookie: string, page: number): Promise<string> {
  let cursor = '';
  for (let i = 1; i < page; i++) {
    const reply = await app.request(`${LIST_PATH}?${FILTERED_QUERY}${cursor ? `&cursor=${cursor}` : ''}`, { headers: { Cookie: cookie } });
    const body = (await reply.json()) as ResponseListJson;
    if (reply.status !== 200 || !body.next_cursor) throw new Error(`page ${i} of the filtered list has no next_cursor (status ${reply.status})`);
    cursor = body.next_cursor;
  }
  return cursor;
}

function printSummary(): void {
  const n = (x: number) => x.toLocaleString('en');
  const rollups = rollupSeconds === undefined ? '' : ` (its dashboard rollups built by indexStats in ${rollupSeconds.toFixed(1)} s)`;
  const seeding = dataset.reused ? `reused the cached file, seeded in ${dataset.stamp.seedSeconds.toFixed(1)} s${rollups}` : `seeded in ${dataset.stamp.seedSeconds.toFixed(1)} s${rollups}`;
  console.log(`Dashboard bench: Node ${process.version}, ${cpus().length} CPUs; org ${BENCH_ORG} in ${BENCH_ZONE}, the app's clock pinned at ${until.toISOString()}`);
  console.log(`Dataset ${relative(repoRoot, dataset.path)}: ${seeding}`);
  console.log(`  12-months = ${facts.year.first}..${facts.year.last}: ${n(facts.yearResponses)} responses, ${n(facts.yearNps.total_number_of_ratings)} NPS ratings; 30-days: ${n(facts.monthResponses)} responses`);
  console.log(`  rollups: ${n(facts.rollupRows.statDays)} stat_days rows, ${n(facts.rollupRows.statScores)} stat_scores rows, ${n(facts.rollupRows.segments)} response_segments rows`);
  console.log(`  filtered list: ${FILTERED_QUERY}; expected replies read from the raw tables in ${factsSeconds.toFixed(1)} s`);
}
