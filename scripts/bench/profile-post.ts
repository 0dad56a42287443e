/**
 * Where one proxy process spends its time acknowledging `POST /v1/responses`
 * on SQLite with synchronous FULL. Unlike the throughput bench, which runs
 * the proxy as a process of its own, this serves the real app (createApp over
 * a fresh SQLite file) inside this process, so `--cpu-prof` profiles the
 * server alone; the load comes from the throughput bench's generator, in a
 * process of its own (closed loop, keep-alive connections):
 *
 *   node --cpu-prof --cpu-prof-dir=.bench/profile --import tsx scripts/bench/profile-post.ts
 *   tsx scripts/bench/profile-post.ts --connections=200 --seconds=10
 *
 * Prints acknowledged responses/s, latency, the server's CPU time per
 * response (steadier than the rate on a shared machine) and how full the
 * group commit's transactions were.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createApp } from '../../src/proxy/create-app';
import { openStore } from '../../src/proxy/store/open-store';
import { benchSurveys } from './bench-catalog';
import { createChildRegistry } from './throughput/child-registry';
import { forkLoad } from './throughput/fork-load';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const option = (name: string, fallback: number) => Number(args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback);
const connections = option('connections', 200);
const seconds = option('seconds', 10);

const dir = mkdtempSync(join(tmpdir(), 'profile-post-'));
const children = createChildRegistry();
const store = await openStore(join(dir, 'responses.sqlite'));
const app = createApp({ catalog: benchSurveys(repoRoot).catalog, store, allowedOrigins: [], readWidgetScript: () => undefined, demoDir: dir });
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
await new Promise<void>((resolve) => server.once('listening', resolve));
const { port } = server.address() as AddressInfo;

try {
  let cpuAtStart = process.cpuUsage();
  let cpu = { user: 0, system: 0 };
  let batchesAtStart = store.responses.insertStats();
  let batches = batchesAtStart;
  const plan = { mode: 'closed' as const, ports: [port], connections, warmupMs: 1_000, durationMs: seconds * 1000, drainMs: 10_000 };
  const result = await forkLoad(
    plan,
    {
      onWindowStart: () => {
        cpuAtStart = process.cpuUsage();
        batchesAtStart = store.responses.insertStats();
      },
      onWindowEnd: () => {
        cpu = process.cpuUsage(cpuAtStart);
        batches = store.responses.insertStats();
      },
    },
    children,
  );
  const acknowledged = result.ackPerSecond * seconds;
  const transactions = batches.batches - batchesAtStart.batches;
  console.log(`${connections} connections, ${seconds} s: ${Math.round(result.ackPerSecond)} acknowledged responses/s`);
  console.log(`latency ms: p50 ${result.p50Ms.toFixed(1)}, p99 ${result.p99Ms.toFixed(1)}, max ${result.maxMs.toFixed(1)}; errors ${JSON.stringify(result.errors)}`);
  const cpuMicros = (cpu.user + cpu.system) / acknowledged;
  console.log(`server CPU per response: ${cpuMicros.toFixed(0)} µs (${Math.round(1e6 / cpuMicros)}/s on one whole core); load generator ${result.generatorCores.toFixed(2)} cores`);
  console.log(`${transactions} transactions, ${((batches.items - batchesAtStart.items) / transactions).toFixed(1)} responses each on average, ${batches.largest} at most`);
} finally {
  children.killAll();
  await new Promise((resolve) => server.close(resolve));
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
