import { describe, expect, it } from 'vitest';
import { daySpans, spanLength, tryParseDate } from '../../../src/shared/periods/day-span';

const now = new Date('2026-11-23T10:00:00Z'); // a Monday

describe('daySpans', () => {
  it('defaults to the 30-days period and compares with the 30 days before it', () => {
    const { current, previous } = daySpans({}, now, 'UTC');
    expect([current.first, current.last]).toEqual(['2026-10-25', '2026-11-23']);
    expect([previous.first, previous.last]).toEqual(['2026-09-25', '2026-10-24']);
  });

  it('reads a period with the v1 API rules: last_month is the whole calendar month', () => {
    const { current, previous } = daySpans({ period: 'last_month' }, now, 'UTC');
    expect([current.first, current.last]).toEqual(['2026-10-01', '2026-10-31']);
    expect([previous.first, previous.last]).toEqual(['2026-08-31', '2026-09-30']);
  });

  it('takes a custom range as whole local days in the zone', () => {
    const { current } = daySpans({ from: '2026-07-01', to: '2026-07-02' }, now, 'Europe/London');
    expect(current.from.toISOString()).toBe('2026-06-30T23:00:00.000Z');
    expect(current.to.toISOString()).toBe('2026-07-02T22:59:59.999Z');
  });

  it('finds today in the zone, not in UTC', () => {
    const { current } = daySpans({ period: 'yesterday' }, new Date('2026-11-23T20:00:00Z'), 'Pacific/Auckland');
    expect(current.first).toBe('2026-11-23');
  });
});

describe('tryParseDate and spanLength', () => {
  it('refuses dates that do not exist', () => {
    expect(tryParseDate('2026-02-30')).toBeUndefined();
    expect(tryParseDate('2026-2-3')).toBeUndefined();
    expect(tryParseDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
  });

  it('counts both ends of a span', () => {
    expect(spanLength('2026-01-01', '2026-12-31')).toBe(365);
    expect(spanLength('2026-01-01', 'nope')).toBeNaN();
  });
});
