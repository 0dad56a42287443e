import type { ChildRegistry } from './child-registry';
import { countStored, type StoredIn } from './count-stored';
import { sampleCpu, type CpuShare } from './cpu-usage';
import { forkLoad } from './fork-load';
import type { LoadPlan, LoadResult } from './load-plan';
import type { Target } from './start-target';
import type { BenchRow, TargetName } from './throughput-report';

export interface TargetBench {
  name: TargetName;
  start: () => Promise<Target>;
  /** Where acknowledged responses must be found afterwards; none for the bare server. */
  storedIn?: StoredIn;
  /** The database server's processes, looked up as each window opens (PostgreSQL's backends come and go). */
  databasePids?: () => Promise<number[]>;
  /** Plans without ports: the target's own are filled in. */
  plans: readonly Omit<LoadPlan, 'ports'>[];
  children: ChildRegistry;
  /** Told each row as it is measured (lost still unknown), to show progress. */
  onRun?: (row: BenchRow) => void;
}

/**
 * Starts a target fresh, runs each plan against it with CPU sampled over
 * exactly the measured window, stops it, and then counts in its database
 * which acknowledged responses are there: lost = acknowledged − found.
 */
export async function benchTarget({ name, start, storedIn, databasePids, plans, children, onRun }: TargetBench): Promise<BenchRow[]> {
  const target = await start();
  const runs: { row: BenchRow; ackIds: string[] }[] = [];
  try {
    for (const plan of plans) {
      const run = await measure({ ...plan, ports: target.ports }, target.pids, databasePids, children);
      const row: BenchRow = {
        target: name,
        mode: plan.mode,
        load: plan.mode === 'closed' ? plan.connections : (plan.ratePerSecond ?? 0),
        ackPerSecond: run.result.ackPerSecond,
        p50Ms: run.result.p50Ms,
        p99Ms: run.result.p99Ms,
        errors: run.result.errors,
        acknowledged: run.result.ackIds.length,
        lost: undefined,
        server: run.server,
        databaseCores: run.databaseCores,
        generatorCores: run.result.generatorCores,
      };
      onRun?.(row);
      runs.push({ row, ackIds: run.result.ackIds });
    }
  } finally {
    await target.stop();
  }
  // Counted once every instance has stopped: what a restart would find.
  for (const run of runs) {
    if (storedIn) run.row.lost = run.ackIds.length - (await countStored(storedIn, run.ackIds));
  }
  return runs.map((run) => run.row);
}

async function measure(plan: LoadPlan, serverPids: number[], databasePids: (() => Promise<number[]>) | undefined, children: ChildRegistry) {
  let serverSample: ReturnType<typeof sampleCpu> | undefined;
  let databaseSample: ReturnType<typeof sampleCpu> | undefined;
  let server: CpuShare = { cores: Number.NaN, busiestCores: Number.NaN, machineBusy: Number.NaN, machineIowait: Number.NaN };
  let databaseCores: number | undefined;
  const result: LoadResult = await forkLoad(
    plan,
    {
      onWindowStart: async () => {
        serverSample = sampleCpu(serverPids);
        if (databasePids) databaseSample = sampleCpu(await databasePids());
      },
      onWindowEnd: () => {
        if (serverSample) server = serverSample.stop();
        databaseCores = databaseSample?.stop().cores;
      },
    },
    children,
  );
  return { result, server, databaseCores };
}
