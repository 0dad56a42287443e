/**
 * The relay bench (second half of `npm run bench`): how fast feedback
 * requests go in through the API and out through the relay worker, and what
 * the proxy adds over calling the system directly.
 *
 * Per system (Critizr, bulk; Customer Radar, one call each after a login):
 * the proxy wired as `main.ts` wires it, on loopback with a fresh SQLite file
 * and its workers running, takes 10,000 `POST /api/feedback_requests`, 32 at
 * once; the relay worker sends them to the system's contract fake. Then the
 * same fake gets the very calls the proxy made, straight, as many at once as
 * the worker had in flight: the baseline. Exits 0 whatever the timings, 1
 * when a request was not sent exactly once.
 *
 *   npm run bench                                  both benches
 *   tsx scripts/bench/relay-bench.ts --requests=2000   a quicker run
 */
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatTable, type TableRow } from './bench-table';
import { CRITIZR, CUSTOMER_RADAR, type BenchSystem } from './bench-systems';
import { percentile } from './measure';
import { relayThroughProxy } from './relay-through-proxy';
import { replayCalls } from './replay-calls';

const LANES = 32;
const WARMUP = 300;
const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../..');
const requests = Number(process.argv.find((a) => a.startsWith('--requests='))?.slice('--requests='.length) ?? 10_000);

const n = (x: number) => Math.round(x).toLocaleString('en');
const ms = (samples: readonly number[], p: number) => percentile(samples, p).toFixed(1);

console.log(
  `Relay bench: ${n(requests)} feedback requests per system, POSTed ${LANES} at once; client, proxy, relay worker and contract fake share ` +
    `one Node ${process.version} process on ${cpus().length} CPUs; loopback HTTP; SQLite on disk (WAL, synchronous = FULL)`,
);
const rows: TableRow[] = [['', 'calls at the fake', 'requests/s', 'p50 ms', 'p99 ms']];
let problems = 0;
for (const system of [CRITIZR, CUSTOMER_RADAR]) rows.push(...(await benchSystem(system)));
console.log(`\n${formatTable(rows)}\n`);
console.log('POST: each request, client side. POST to sent: its created_at to its relay job done_at, from the database; requests/s is');
console.log('all of them over first POST to last sent. Direct: the same calls replayed straight to the fake, as many at once as the');
console.log('worker had (Critizr 1 bulk call, Customer Radar 16); p50/p99 per call, requests/s counts invitations carried.');
process.exit(problems ? 1 : 0);

async function benchSystem(system: BenchSystem): Promise<TableRow[]> {
  // A short throwaway run first, so the JIT and the fake are warm for the measured one.
  await runOnce(system, WARMUP);
  const { run, direct } = await runOnce(system, requests);
  const calls = system.describeCalls(run.calls);
  return [
    [`${system.name}: POST /api/feedback_requests`, '-', n(requests / (run.postWallMs / 1000)), ms(run.postMs, 50), ms(run.postMs, 99)],
    [`${system.name}: POST to sent, through the relay`, calls, n(requests / (run.settleWallMs / 1000)), ms(run.settleMs, 50), ms(run.settleMs, 99)],
    [`${system.name}: direct, the same calls (baseline)`, calls, n(requests / (direct.wallMs / 1000)), ms(direct.callMs, 50), ms(direct.callMs, 99)],
  ];
}

async function runOnce(system: BenchSystem, count: number) {
  const fake = await system.start();
  try {
    const run = await relayThroughProxy(system, fake, { repoRoot, requests: count, lanes: LANES });
    const direct = await replayCalls(fake.server.url, run.calls, system.concurrency);
    const problem = run.problem ?? (direct.changed ? `${direct.changed} calls answered differently when replayed` : undefined);
    if (problem) {
      problems += 1;
      console.error(`${system.name}: ${problem}`);
    }
    return { run, direct };
  } finally {
    await fake.close();
  }
}
