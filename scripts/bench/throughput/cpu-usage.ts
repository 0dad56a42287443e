import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * CPU time of one process in clock ticks (utime + stime) from the text of
 * `/proc/<pid>/stat`. Fields are counted after the last `)`, because the
 * command name in parentheses may itself hold spaces and parentheses.
 *
 * @example
 * processTicks('42 (node) S 1 42 42 0 -1 4194560 1 0 0 0 150 30 0 0') // 180
 */
export function processTicks(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14 (utime) and 15 (stime) of proc(5); the text after `)` starts at field 3.
  return Number(fields[14 - 3]) + Number(fields[15 - 3]);
}

/** The whole machine's CPU time in ticks, all cores together, from `/proc/stat`. */
export interface MachineTicks {
  total: number;
  busy: number;
  /** Idle while a disk request (an fsync) was outstanding. */
  iowait: number;
}

/**
 * The first (all-cores) line of `/proc/stat`, summed into busy, iowait and total ticks.
 *
 * @example
 * machineTicks('cpu  100 0 50 800 40 0 10 0 0 0\ncpu0 …') // { total: 1000, busy: 160, iowait: 40 }
 */
export function machineTicks(procStat: string): MachineTicks {
  const [, ...values] = (procStat.split('\n')[0] ?? '').trim().split(/\s+/);
  // user nice system idle iowait irq softirq steal guest guest_nice; guest time is already in user.
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] = values.map(Number);
  const total = user + nice + system + idle + iowait + irq + softirq + steal;
  return { total, busy: total - idle - iowait, iowait };
}

/** What the machine and some processes did between two samples. */
export interface CpuShare {
  /** Cores' worth of CPU the processes used together (1 = one core flat out). */
  cores: number;
  /** The busiest single process, in cores: a single-threaded server near 1 is CPU-bound. */
  busiestCores: number;
  /** The machine's busy fraction over all its cores (0 to 1), other users' work included. */
  machineBusy: number;
  machineIowait: number;
}

const TICKS_PER_SECOND = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim()) || 100;

/**
 * Samples now; `stop()` samples again and returns the share used since.
 * A process that is gone counts as 0.
 */
export function sampleCpu(pids: readonly number[]): { stop(): CpuShare } {
  const before = pids.map(readProcessTicks);
  const machineBefore = machineTicks(readFileSync('/proc/stat', 'utf8'));
  const startMs = performance.now();
  return {
    stop() {
      const seconds = (performance.now() - startMs) / 1000;
      const used = pids.map((pid, i) => Math.max(0, readProcessTicks(pid) - before[i]!) / TICKS_PER_SECOND / seconds);
      const machine = machineTicks(readFileSync('/proc/stat', 'utf8'));
      const total = machine.total - machineBefore.total || 1;
      return {
        cores: used.reduce((a, b) => a + b, 0),
        busiestCores: Math.max(0, ...used),
        machineBusy: (machine.busy - machineBefore.busy) / total,
        machineIowait: (machine.iowait - machineBefore.iowait) / total,
      };
    },
  };
}

function readProcessTicks(pid: number): number {
  try {
    return processTicks(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return 0;
  }
}
