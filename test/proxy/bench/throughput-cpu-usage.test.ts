import { describe, expect, it } from 'vitest';
import { machineTicks, processTicks } from '../../../scripts/bench/throughput/cpu-usage';

describe('processTicks()', () => {
  it('adds user and system time (fields 14 and 15 of /proc/<pid>/stat)', () => {
    expect(processTicks('4242 (node) S 1 4242 4242 0 -1 4194560 900 0 0 0 150 30 0 0 20 0 7 0 100')).toBe(180);
  });

  it('is not fooled by a command name holding spaces and parentheses', () => {
    expect(processTicks('77 (postgres: wal (writer)) S 1 77 77 0 -1 4194560 900 0 0 0 12 8 0 0 20 0 1 0 100')).toBe(20);
  });
});

describe('machineTicks()', () => {
  it('counts busy time as everything but idle and iowait, across all cores', () => {
    const stat = 'cpu  100 0 50 800 40 0 10 0 0 0\ncpu0 50 0 25 400 20 0 5 0 0 0\n';
    expect(machineTicks(stat)).toEqual({ total: 1000, busy: 160, iowait: 40 });
  });
});
