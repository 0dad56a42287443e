import { describe, expect, it } from 'vitest';
import { trendBuckets } from '../../../src/shared/periods/trend-buckets';

describe('trendBuckets', () => {
  it('gives one bucket per day', () => {
    expect(trendBuckets('2026-02-27', '2026-03-01', 'day').map((b) => b.first)).toEqual(['2026-02-27', '2026-02-28', '2026-03-01']);
  });

  it('cuts weeks at Mondays and clips the ends to the span', () => {
    expect(trendBuckets('2026-11-20', '2026-12-01', 'week')).toEqual([
      { first: '2026-11-20', last: '2026-11-22' },
      { first: '2026-11-23', last: '2026-11-29' },
      { first: '2026-11-30', last: '2026-12-01' },
    ]);
  });

  it('cuts months at the first of the month, across a year end', () => {
    expect(trendBuckets('2025-12-15', '2026-02-10', 'month')).toEqual([
      { first: '2025-12-15', last: '2025-12-31' },
      { first: '2026-01-01', last: '2026-01-31' },
      { first: '2026-02-01', last: '2026-02-10' },
    ]);
  });

  it('has no buckets for a backwards or broken span', () => {
    expect(trendBuckets('2026-02-10', '2026-02-01', 'day')).toEqual([]);
    expect(trendBuckets('2026-02-31', '2026-03-01', 'day')).toEqual([]);
  });
});
