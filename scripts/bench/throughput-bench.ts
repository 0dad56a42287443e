/**
 * `npm run bench` (last part): how many responses a second the proxy
 * acknowledges, and how fast, next to a bare node:http server that stores
 * nothing. Issue 12's comparison, in one run and one table:
 *
 *   node:http 201 | proxy on SQLite | 1 proxy on PostgreSQL | 3 proxies on one PostgreSQL
 *   × closed loop at 20 and 200 keep-alive connections (maximum throughput)
 *   + open loop at 1,000 req/s (latency from each request's scheduled time)
 *
 * Every target is started fresh as its own processes on loopback; the load
 * generator is a process of its own too, POSTing valid demo-survey responses
 * with fresh ids. After each target stops, every acknowledged id is looked
 * up in its database ("lost"). Targets: SQLite ≥ 10,000/s with synchronous
 * FULL (25% of the bare server), p99 ≤ 25 ms at 1,000 req/s, 0 lost.
 * The proxies run from dist/proxy/main.js when it exists (`npm run build`
 * first, or the figures are an older build's), else from the sources via tsx.
 * Exits 1 when a response was lost or a target would not start, 0 otherwise
 * (missing a speed target is reported, not failed).
 *
 *   tsx scripts/bench/throughput-bench.ts --seconds=5 --warmup=1   measured and warm-up seconds per run (defaults)
 *   tsx scripts/bench/throughput-bench.ts --only=sqlite,pg-3         some targets: bare, sqlite, pg-1, pg-3
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPrivatePostgres, type PrivatePostgres } from '../postgres/private-postgres';
import { formatTable } from './bench-table';
import { createDatabase, describePostgres, postgresPids } from './throughput/bench-postgres';
import { benchTarget } from './throughput/bench-target';
import { createChildRegistry } from './throughput/child-registry';
import type { LoadPlan } from './throughput/load-plan';
import { proxyCommand, startBareServer, startProxies } from './throughput/start-target';
import { reportRows, verdicts, type BenchRow, type TargetName } from './throughput/throughput-report';

const args = process.argv.slice(2);
const option = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
// Bounded whatever is asked: four targets × three runs must stay within a few minutes.
const seconds = Math.min(30, Math.max(1, Number(option('seconds') ?? 5)));
const warmupSeconds = Math.min(10, Math.max(0, Number(option('warmup') ?? 1)));
const only = new Set((option('only') ?? 'bare,sqlite,pg-1,pg-3').split(','));

const timing = { warmupMs: warmupSeconds * 1000, durationMs: seconds * 1000, drainMs: 10_000 };
const PLANS: Omit<LoadPlan, 'ports'>[] = [
  { mode: 'closed', connections: 20, ...timing },
  { mode: 'closed', connections: 200, ...timing },
  // 50 connections: enough that a request never waits for one at 1,000/s unless the server itself stalls.
  { mode: 'open', connections: 50, ratePerSecond: 1000, ...timing },
];

const children = createChildRegistry();
const tempDir = mkdtempSync(join(tmpdir(), 'throughput-bench-'));
// A promise, so a Ctrl-C while PostgreSQL is still starting stops it once it is up.
let postgres: Promise<PrivatePostgres> | undefined;
let cleaning: Promise<void> | undefined;

/**
 * Every child killed by its own pid, PostgreSQL stopped and its data removed,
 * the temp dir removed. One promise for all callers: a Ctrl-C and the main
 * flow's finally both wait for the same clean-up to end before exiting.
 */
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    children.killAll();
    const server = await postgres?.catch(() => undefined);
    await server?.stop().catch((error: unknown) => console.error(`could not stop PostgreSQL: ${String(error)}`));
    rmSync(tempDir, { recursive: true, force: true });
  })();
  return cleaning;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping every server this bench started`);
    void cleanUp().finally(() => process.exit(130));
  });
}

const rows: BenchRow[] = [];
let failed = false;
const progress = (row: BenchRow) => console.error(`  ${row.target} ${row.mode === 'closed' ? `${row.load} connections` : `${row.load}/s open loop`}: ${Math.round(row.ackPerSecond)} ack/s`);

console.log(`Throughput bench: POST /v1/responses on loopback, ${warmupSeconds} s warm-up + ${seconds} s measured per run`);
console.log(`Machine: ${cpus().length} cores (${cpus()[0]?.model.trim() ?? '?'}), Node ${process.version}, temp files on ${fileSystemOf(tempDir)}, load average ${loadavg().map((n) => n.toFixed(2)).join(' ')} before start`);
console.log(`Proxy: node ${proxyCommand()}, SQLite with WAL and synchronous FULL; load generator: a process of its own, raw keep-alive HTTP/1.1, no pipelining`);
try {
  const bench = (name: TargetName, rest: Omit<Parameters<typeof benchTarget>[0], 'name' | 'plans' | 'children' | 'onRun'>) =>
    only.has(name) ? benchTarget({ name, plans: PLANS, children, onRun: progress, ...rest }) : Promise.resolve([]);

  rows.push(...(await bench('bare', { start: () => startBareServer(children) })));
  const sqlitePath = join(tempDir, 'responses.sqlite');
  rows.push(...(await bench('sqlite', { start: () => startProxies(1, { DATABASE_PATH: sqlitePath }, children), storedIn: { sqlitePath } })));

  if (only.has('pg-1') || only.has('pg-3')) {
    postgres = startPrivatePostgres({ durable: true });
    const { url: serverUrl } = await postgres;
    console.log(`Database for the PostgreSQL rows: ${await describePostgres(serverUrl)}`);
    for (const [name, instances] of [['pg-1', 1], ['pg-3', 3]] as const) {
      if (!only.has(name)) continue;
      const url = await createDatabase(serverUrl, `bench_${instances}`);
      rows.push(...(await bench(name, { start: () => startProxies(instances, { DATABASE_URL: url }, children), storedIn: { postgresUrl: url }, databasePids: () => postgresPids(url) })));
    }
  }
} catch (error) {
  failed = true;
  console.error(`\nThe bench stopped early: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await cleanUp();
}

console.log(`\n${formatTable(reportRows(rows))}\n`);
console.log('ack/s: 201/200 answers a second in the window; p50/p99: their latency, ms (open loop: from the scheduled send time);');
console.log('errors: other answers by status, whole run; lost: acknowledged ids missing from the database after the target stopped;');
console.log('srv/db/gen cores: CPU of the server processes, PostgreSQL and the load generator (1 = one core); µs/ack: CPU per');
console.log('acknowledged response; machine/iowait: share of all cores, other users of the machine included.\n');
for (const line of verdicts(rows)) console.log(line);
const lost = rows.some((row) => (row.lost ?? 0) > 0);
process.exit(failed || lost ? 1 : 0);

function fileSystemOf(path: string): string {
  const out = spawnSync('df', ['-T', path], { encoding: 'utf8' }).stdout?.split('\n')[1]?.split(/\s+/);
  return out?.[1] ? `${out[1]} (${out[0]})` : 'an unknown file system';
}
