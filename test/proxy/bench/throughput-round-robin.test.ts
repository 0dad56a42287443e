import { describe, expect, it } from 'vitest';
import { roundRobin } from '../../../scripts/bench/throughput/round-robin';

describe('roundRobin()', () => {
  it('hands the ports out in turn, as a round-robin front would', () => {
    expect(roundRobin(5, [8001, 8002, 8003])).toEqual([8001, 8002, 8003, 8001, 8002]);
  });

  it('spreads 200 connections over 3 instances within one of each other', () => {
    const ports = roundRobin(200, [1, 2, 3]);
    expect([1, 2, 3].map((port) => ports.filter((p) => p === port).length)).toEqual([67, 67, 66]);
  });

  it('puts every connection on the one port of a single instance', () => {
    expect(new Set(roundRobin(20, [8001]))).toEqual(new Set([8001]));
  });

  it('refuses to spread connections over no instance at all', () => {
    expect(() => roundRobin(3, [])).toThrow(/at least one port/);
  });
});
