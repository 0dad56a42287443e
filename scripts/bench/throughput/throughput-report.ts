import type { TableRow } from '../bench-table';
import type { CpuShare } from './cpu-usage';

/** The four systems the issue compares. */
export type TargetName = 'bare' | 'sqlite' | 'pg-1' | 'pg-3';

/** How each target is named in the table. */
export const TARGET_LABELS: Record<TargetName, string> = {
  bare: 'node:http 201',
  sqlite: 'proxy, SQLite',
  'pg-1': 'proxy ×1, PostgreSQL',
  'pg-3': 'proxy ×3, PostgreSQL',
};

/** One measured run of one target, as the report needs it. */
export interface BenchRow {
  target: TargetName;
  mode: 'closed' | 'open';
  /** Closed loop: connections; open loop: requests per second. */
  load: number;
  ackPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: Record<string, number>;
  acknowledged: number;
  /** Acknowledged but not in the database; undefined where there is no database (the bare server). */
  lost: number | undefined;
  /** The server processes (all instances together) and the machine. */
  server: CpuShare;
  /** PostgreSQL's processes, in cores. */
  databaseCores?: number;
  generatorCores: number;
}

/** Issue 12's targets: SQLite with synchronous FULL at 10,000 acknowledged/s, and p99 at 1,000 req/s. */
export const SQLITE_TARGET_PER_SECOND = 10_000;
export const OPEN_LOOP_P99_TARGET_MS = 25;

const count = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en') : '-');
const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '-');
const cores = (n: number | undefined) => (n === undefined || !Number.isFinite(n) ? '-' : n.toFixed(2));
const percent = (n: number) => `${Math.round(n * 100)}%`;

/** `503×12, socket×1`, or `0`. */
export function formatErrors(errors: Record<string, number>): string {
  const entries = Object.entries(errors).filter(([, n]) => n > 0);
  return entries.length ? entries.map(([status, n]) => `${status}×${n.toLocaleString('en')}`).join(', ') : '0';
}

/**
 * What most likely capped a run, from where the CPU went: the machine, one
 * server process (Node serves on one core), the load generator, PostgreSQL;
 * with no CPU saturated, waiting (fsync, round trips) is what is left.
 *
 * @example
 * limitOf({ mode: 'closed', server: { busiestCores: 0.97, machineBusy: 0.6 }, generatorCores: 0.4 }) // 'server CPU'
 */
export function limitOf(row: Pick<BenchRow, 'mode' | 'server' | 'generatorCores' | 'databaseCores'>): string {
  if (row.server.machineBusy >= 0.9) return 'machine CPU';
  if (row.server.busiestCores >= 0.9) return 'server CPU';
  if (row.generatorCores >= 0.9) return 'generator CPU';
  if ((row.databaseCores ?? 0) >= 0.9) return 'database CPU';
  return row.mode === 'open' ? 'offered rate' : 'waits (fsync, I/O)';
}

/**
 * CPU time spent per acknowledged response, in µs: cores used ÷ responses a
 * second. Unlike the rate, it barely moves when other work shares the
 * machine, so it is the figure to compare across runs on a busy box.
 *
 * @example
 * microsPerAck(0.5, 1000) // 500
 */
export function microsPerAck(cores: number | undefined, ackPerSecond: number): number {
  return cores === undefined || !(ackPerSecond > 0) ? Number.NaN : (cores / ackPerSecond) * 1e6;
}

/** The table: a header, then one row per run. */
export function reportRows(rows: readonly BenchRow[]): TableRow[] {
  const header = ['target', 'load', 'ack/s', 'p50 ms', 'p99 ms', 'errors', 'lost', 'srv cores', 'srv µs/ack', 'db cores', 'db µs/ack', 'gen cores', 'machine', 'iowait', 'limit'];
  return [
    header,
    ...rows.map((row) => [
      TARGET_LABELS[row.target],
      row.mode === 'closed' ? `${row.load} conn` : `${count(row.load)}/s open`,
      count(row.ackPerSecond),
      ms(row.p50Ms),
      ms(row.p99Ms),
      formatErrors(row.errors),
      row.lost === undefined ? '-' : count(row.lost),
      cores(row.server.cores),
      count(microsPerAck(row.server.cores, row.ackPerSecond)),
      cores(row.databaseCores),
      count(microsPerAck(row.databaseCores, row.ackPerSecond)),
      cores(row.generatorCores),
      percent(row.server.machineBusy),
      percent(row.server.machineIowait),
      limitOf(row),
    ]),
  ];
}

/** The issue's targets, each PASS or FAIL with the figure it was judged on. */
export function verdicts(rows: readonly BenchRow[]): string[] {
  const closed = (target: TargetName) => rows.filter((r) => r.target === target && r.mode === 'closed');
  const best = (target: TargetName) => closed(target).reduce<BenchRow | undefined>((a, r) => (a && a.ackPerSecond >= r.ackPerSecond ? a : r), undefined);
  const lines: string[] = [];

  const sqlite = best('sqlite');
  const bare = best('bare');
  if (sqlite) {
    const share = bare ? `, ${percent(sqlite.ackPerSecond / bare.ackPerSecond)} of the bare server's ${count(bare.ackPerSecond)}/s (target 25%)` : '';
    const pass = sqlite.ackPerSecond >= SQLITE_TARGET_PER_SECOND;
    lines.push(`${pass ? 'PASS' : 'FAIL'}  SQLite ≥ ${count(SQLITE_TARGET_PER_SECOND)} acknowledged/s with synchronous FULL: best ${count(sqlite.ackPerSecond)}/s at ${sqlite.load} connections${share}`);
  }

  const open = rows.filter((r) => r.mode === 'open' && r.target !== 'bare');
  if (open.length) {
    const judged = open.map((r) => {
      const errors = formatErrors(r.errors);
      const pass = r.p99Ms <= OPEN_LOOP_P99_TARGET_MS && errors === '0';
      return { pass, text: `${TARGET_LABELS[r.target]} ${ms(r.p99Ms)} ms${errors === '0' ? '' : ` with errors ${errors}`}` };
    });
    lines.push(`${judged.every((j) => j.pass) ? 'PASS' : 'FAIL'}  p99 ≤ ${OPEN_LOOP_P99_TARGET_MS} ms at ${count(open[0]!.load)} req/s: ${judged.map((j) => `${j.text} ${j.pass ? 'PASS' : 'FAIL'}`).join('; ')}`);
  }

  // What a core buys: the ceiling a target would reach with a whole core per server process and nothing else waiting.
  const costs = (['bare', 'sqlite', 'pg-1', 'pg-3'] as const).flatMap((target) => {
    const row = best(target);
    const server = row ? microsPerAck(row.server.cores, row.ackPerSecond) : Number.NaN;
    if (!Number.isFinite(server)) return [];
    const database = microsPerAck(row!.databaseCores, row!.ackPerSecond);
    const db = Number.isFinite(database) ? ` + PostgreSQL ${count(database)} µs` : '';
    return [`${TARGET_LABELS[target]} ${count(server)} µs${db} (${count(1e6 / server)}/s per server core)`];
  });
  if (costs.length) lines.push(`CPU per acknowledged response (best closed-loop run; steady on a shared machine): ${costs.join('; ')}`);

  const checked = rows.filter((r) => r.lost !== undefined);
  if (checked.length) {
    const lost = checked.reduce((n, r) => n + (r.lost ?? 0), 0);
    const acknowledged = checked.reduce((n, r) => n + r.acknowledged, 0);
    lines.push(`${lost === 0 ? 'PASS' : 'FAIL'}  0 lost: ${count(lost)} of ${count(acknowledged)} acknowledged responses missing from their database`);
  }
  return lines;
}
