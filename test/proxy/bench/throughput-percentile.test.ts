import { describe, expect, it } from 'vitest';
import { percentile } from '../../../scripts/bench/throughput/percentile';

describe('percentile() (nearest rank)', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1);

  it('gives the value at or below which that share of the samples lies', () => {
    expect(percentile(hundred, 0.5)).toBe(50);
    expect(percentile(hundred, 0.99)).toBe(99);
    expect(percentile(hundred, 1)).toBe(100);
  });

  it('never interpolates: p99 of a few samples is the slowest one seen', () => {
    expect(percentile([1, 2, 3, 40], 0.99)).toBe(40);
  });

  it('gives the only sample for any percentile of one', () => {
    expect(percentile([7], 0)).toBe(7);
    expect(percentile([7], 0.5)).toBe(7);
  });

  it('is NaN for no samples, so an empty run cannot pass a latency target', () => {
    expect(percentile([], 0.5)).toBeNaN();
  });
});
