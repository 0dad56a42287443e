import { describe, expect, it } from 'vitest';
import { openLoopSchedule } from '../../../scripts/bench/throughput/open-loop-schedule';

describe('openLoopSchedule()', () => {
  const schedule = openLoopSchedule({ startMs: 100, ratePerSecond: 1000, durationMs: 6000 });

  it('plans rate × duration requests', () => {
    expect(schedule.total).toBe(6000);
  });

  it('spaces requests evenly from the start, one every 1 ms at 1,000 req/s', () => {
    expect([0, 1, 2, 5999].map(schedule.scheduledAt)).toEqual([100, 101, 102, 6099]);
  });

  it('makes the first request due at the start and none before it', () => {
    expect(schedule.dueBy(99.9)).toBe(0);
    expect(schedule.dueBy(100)).toBe(1);
    expect(schedule.dueBy(100.9)).toBe(1);
  });

  it('keeps falling due whether or not earlier requests were answered, so a stalled server builds a queue', () => {
    // 50 ms of stall: 50 more requests are due, and their latency counts from these times.
    expect(schedule.dueBy(150) - schedule.dueBy(100)).toBe(50);
  });

  it('stops at the planned total however late it is asked', () => {
    expect(schedule.dueBy(1e9)).toBe(6000);
  });

  it('stays exact at rates that do not divide a second', () => {
    const third = openLoopSchedule({ startMs: 0, ratePerSecond: 3, durationMs: 2000 });
    expect(third.total).toBe(6);
    expect(third.dueBy(1000)).toBe(4);
    expect(third.scheduledAt(3)).toBe(1000);
  });

  it('refuses a rate of zero', () => {
    expect(() => openLoopSchedule({ startMs: 0, ratePerSecond: 0, durationMs: 1000 })).toThrow(/positive/);
  });
});
