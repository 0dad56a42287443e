import { describe, expect, it } from 'vitest';
import { DATE_PERIODS, defaultMetricsRange, isDatePeriod, periodDays, periodRange } from '../../../src/shared/periods/date-periods';
import type { DatePeriod } from '../../../src/shared/periods/date-periods';

/** The range as ISO strings, so a failing table row prints readably. */
function range(period: DatePeriod, now: string, tz: string): [string, string] {
  const { from, to } = periodRange(period, new Date(now), tz);
  return [from.toISOString(), to.toISOString()];
}

/** A whole-days range in UTC: `first` 00:00 to `last` 23:59:59.999. */
function utcDays(first: string, last: string): [string, string] {
  return [`${first}T00:00:00.000Z`, `${last}T23:59:59.999Z`];
}

describe('DATE_PERIODS', () => {
  it('lists the 18 periods of the seed in its order', () => {
    expect(DATE_PERIODS).toEqual([
      '7-days',
      '30-days',
      '3-months',
      '6-months',
      '12-months',
      'current_week',
      'current_month',
      'current_quarter',
      'current_year',
      'last_week',
      'last_month',
      'last_quarter',
      'last_year',
      'yesterday',
      'day_before_yesterday',
      'week_before_last',
      'month_before_last',
      'year_before_last',
    ]);
  });
});

describe('isDatePeriod()', () => {
  it.each(DATE_PERIODS)('accepts %s', (period) => {
    expect(isDatePeriod(period)).toBe(true);
  });

  it.each(['', 'last-month', 'LAST_MONTH', '7_days', 'today', 'toString', 7])('refuses %j', (value) => {
    expect(isDatePeriod(value)).toBe(false);
  });
});

describe('periodRange() on Monday 2026-11-23 at 10:00 in UTC', () => {
  const NOW = '2026-11-23T10:00:00Z';
  const table: [DatePeriod, [string, string]][] = [
    ['7-days', utcDays('2026-11-17', '2026-11-23')],
    ['30-days', utcDays('2026-10-25', '2026-11-23')],
    ['3-months', utcDays('2026-08-24', '2026-11-23')],
    ['6-months', utcDays('2026-05-24', '2026-11-23')],
    ['12-months', utcDays('2025-11-24', '2026-11-23')],
    ['current_week', utcDays('2026-11-23', '2026-11-23')],
    ['current_month', utcDays('2026-11-01', '2026-11-23')],
    ['current_quarter', utcDays('2026-10-01', '2026-11-23')],
    ['current_year', utcDays('2026-01-01', '2026-11-23')],
    ['last_week', utcDays('2026-11-16', '2026-11-22')],
    ['last_month', utcDays('2026-10-01', '2026-10-31')],
    ['last_quarter', utcDays('2026-07-01', '2026-09-30')],
    ['last_year', utcDays('2025-01-01', '2025-12-31')],
    ['yesterday', utcDays('2026-11-22', '2026-11-22')],
    ['day_before_yesterday', utcDays('2026-11-21', '2026-11-21')],
    ['week_before_last', utcDays('2026-11-09', '2026-11-15')],
    ['month_before_last', utcDays('2026-09-01', '2026-09-30')],
    ['year_before_last', utcDays('2024-01-01', '2024-12-31')],
  ];

  it('has a row below for every period', () => {
    expect(table.map(([period]) => period)).toEqual([...DATE_PERIODS]);
  });

  it.each(table)('makes %s run %j', (period, expected) => {
    expect(range(period, NOW, 'UTC')).toEqual(expected);
  });
});

describe('periodRange() on edge days, in UTC', () => {
  it.each<[string, DatePeriod, string, [string, string]]>([
    ['a Sunday', 'current_week', '2026-11-29T23:00:00Z', utcDays('2026-11-23', '2026-11-29')],
    ['a Sunday', 'last_week', '2026-11-29T23:00:00Z', utcDays('2026-11-16', '2026-11-22')],
    ['a Monday', 'last_week', '2026-11-23T00:00:00Z', utcDays('2026-11-16', '2026-11-22')],
    ['New Year (a Thursday)', 'current_week', '2026-01-01T10:00:00Z', utcDays('2025-12-29', '2026-01-01')],
    ['New Year (a Thursday)', 'last_week', '2026-01-01T10:00:00Z', utcDays('2025-12-22', '2025-12-28')],
    ['New Year (a Thursday)', 'week_before_last', '2026-01-01T10:00:00Z', utcDays('2025-12-15', '2025-12-21')],
    ['New Year', 'yesterday', '2026-01-01T10:00:00Z', utcDays('2025-12-31', '2025-12-31')],
    ['New Year', 'day_before_yesterday', '2026-01-01T10:00:00Z', utcDays('2025-12-30', '2025-12-30')],
    ['New Year', 'last_month', '2026-01-01T10:00:00Z', utcDays('2025-12-01', '2025-12-31')],
    ['15 January', 'month_before_last', '2026-01-15T10:00:00Z', utcDays('2025-11-01', '2025-11-30')],
    ['the first day after a leap day', 'yesterday', '2024-03-01T10:00:00Z', utcDays('2024-02-29', '2024-02-29')],
    ['a March in a leap year', 'last_month', '2024-03-15T10:00:00Z', utcDays('2024-02-01', '2024-02-29')],
    ['31 March, not a leap year', 'last_month', '2026-03-31T10:00:00Z', utcDays('2026-02-01', '2026-02-28')],
    ['31 March, not a leap year', 'month_before_last', '2026-03-31T10:00:00Z', utcDays('2026-01-01', '2026-01-31')],
    ['31 May, not a leap year', '3-months', '2026-05-31T10:00:00Z', utcDays('2026-03-01', '2026-05-31')],
    ['31 May in a leap year', '3-months', '2024-05-31T10:00:00Z', utcDays('2024-03-01', '2024-05-31')],
    ['31 August', '6-months', '2026-08-31T10:00:00Z', utcDays('2026-03-01', '2026-08-31')],
    ['a leap day', '12-months', '2024-02-29T10:00:00Z', utcDays('2023-03-01', '2024-02-29')],
    ['28 February after a leap year', '12-months', '2025-02-28T10:00:00Z', utcDays('2024-02-29', '2025-02-28')],
    ['10 March in a leap year', '30-days', '2024-03-10T10:00:00Z', utcDays('2024-02-10', '2024-03-10')],
  ])('on %s, %s at %s runs %j', (_, period, now, expected) => {
    expect(range(period, now, 'UTC')).toEqual(expected);
  });

  it.each<[string, [string, string], [string, string]]>([
    ['2026-01-01T10:00:00Z', utcDays('2026-01-01', '2026-01-01'), utcDays('2025-10-01', '2025-12-31')],
    ['2026-03-31T23:59:59Z', utcDays('2026-01-01', '2026-03-31'), utcDays('2025-10-01', '2025-12-31')],
    ['2026-04-01T00:00:00Z', utcDays('2026-04-01', '2026-04-01'), utcDays('2026-01-01', '2026-03-31')],
    ['2026-06-30T10:00:00Z', utcDays('2026-04-01', '2026-06-30'), utcDays('2026-01-01', '2026-03-31')],
    ['2026-07-01T10:00:00Z', utcDays('2026-07-01', '2026-07-01'), utcDays('2026-04-01', '2026-06-30')],
    ['2026-10-01T10:00:00Z', utcDays('2026-10-01', '2026-10-01'), utcDays('2026-07-01', '2026-09-30')],
    ['2026-12-31T10:00:00Z', utcDays('2026-10-01', '2026-12-31'), utcDays('2026-07-01', '2026-09-30')],
  ])('at %s makes the current quarter %j and the last %j', (now, current, last) => {
    expect(range('current_quarter', now, 'UTC')).toEqual(current);
    expect(range('last_quarter', now, 'UTC')).toEqual(last);
  });
});

describe('periodRange() in other zones', () => {
  it.each<[string, DatePeriod, string, string, [string, string]]>([
    // During BST a London day runs 23:00Z to 22:59:59.999Z.
    ['starts in BST at 23:00Z the day before', 'current_month', '2026-07-15T10:00:00Z', 'Europe/London', ['2026-06-30T23:00:00.000Z', '2026-07-15T22:59:59.999Z']],
    ['spans the spring change from GMT into BST', '7-days', '2026-03-30T10:00:00Z', 'Europe/London', ['2026-03-24T00:00:00.000Z', '2026-03-30T22:59:59.999Z']],
    ['makes the spring-forward day 23 hours long', 'yesterday', '2026-03-30T10:00:00Z', 'Europe/London', ['2026-03-29T00:00:00.000Z', '2026-03-29T22:59:59.999Z']],
    ['starts the week after spring-forward in BST', 'current_week', '2026-03-30T10:00:00Z', 'Europe/London', ['2026-03-29T23:00:00.000Z', '2026-03-30T22:59:59.999Z']],
    ['ends the week of spring-forward in BST', 'last_week', '2026-03-30T10:00:00Z', 'Europe/London', ['2026-03-23T00:00:00.000Z', '2026-03-29T22:59:59.999Z']],
    ['makes the fall-back day 25 hours long', 'yesterday', '2026-10-26T10:00:00Z', 'Europe/London', ['2026-10-24T23:00:00.000Z', '2026-10-25T23:59:59.999Z']],
    ['takes yesterday from the Kolkata date, a day ahead of UTC', 'yesterday', '2026-11-23T19:00:00Z', 'Asia/Kolkata', ['2026-11-22T18:30:00.000Z', '2026-11-23T18:29:59.999Z']],
    ['takes the Kolkata week, already on Tuesday', 'current_week', '2026-11-23T19:00:00Z', 'Asia/Kolkata', ['2026-11-22T18:30:00.000Z', '2026-11-24T18:29:59.999Z']],
    ['starts a Kathmandu day at 18:15Z', 'yesterday', '2026-11-23T19:00:00Z', 'Asia/Kathmandu', ['2026-11-22T18:15:00.000Z', '2026-11-23T18:14:59.999Z']],
    ['takes the Auckland month in NZDT', 'current_month', '2026-11-23T12:00:00Z', 'Pacific/Auckland', ['2026-10-31T11:00:00.000Z', '2026-11-24T10:59:59.999Z']],
    ['takes last month in Auckland', 'last_month', '2026-11-23T12:00:00Z', 'Pacific/Auckland', ['2026-09-30T11:00:00.000Z', '2026-10-31T10:59:59.999Z']],
    ['is already in the new year in Auckland', 'current_year', '2026-12-31T12:00:00Z', 'Pacific/Auckland', ['2026-12-31T11:00:00.000Z', '2027-01-01T10:59:59.999Z']],
    ['counts last year from the Auckland date', 'last_year', '2026-12-31T12:00:00Z', 'Pacific/Auckland', ['2025-12-31T11:00:00.000Z', '2026-12-31T10:59:59.999Z']],
    ['is still in the last week in Los Angeles', 'current_week', '2026-11-23T03:00:00Z', 'America/Los_Angeles', ['2026-11-16T08:00:00.000Z', '2026-11-23T07:59:59.999Z']],
    ['starts the day without a midnight at 01:00 local', 'yesterday', '2018-11-05T12:00:00Z', 'America/Sao_Paulo', ['2018-11-04T03:00:00.000Z', '2018-11-05T01:59:59.999Z']],
    ['ends a window on the day without a midnight', '7-days', '2018-11-04T12:00:00Z', 'America/Sao_Paulo', ['2018-10-29T03:00:00.000Z', '2018-11-05T01:59:59.999Z']],
  ])('%s (%s at %s in %s)', (_, period, now, tz, expected) => {
    expect(range(period, now, tz)).toEqual(expected);
  });

  it.each<[DatePeriod, DatePeriod]>([
    ['day_before_yesterday', 'yesterday'],
    ['week_before_last', 'last_week'],
    ['last_week', 'current_week'],
    ['month_before_last', 'last_month'],
    ['last_month', 'current_month'],
    ['last_quarter', 'current_quarter'],
    ['year_before_last', 'last_year'],
    ['last_year', 'current_year'],
  ])('ends %s one millisecond before %s starts, in every zone tested', (earlier, later) => {
    for (const [now, tz] of [
      ['2026-04-01T10:00:00Z', 'Europe/London'],
      ['2026-11-23T19:00:00Z', 'Asia/Kolkata'],
      ['2018-11-06T12:00:00Z', 'America/Sao_Paulo'],
    ] as const) {
      const end = periodRange(earlier, new Date(now), tz).to.getTime();
      expect(periodRange(later, new Date(now), tz).from.getTime()).toBe(end + 1);
    }
  });

  it('throws a RangeError for an unknown zone', () => {
    expect(() => periodRange('yesterday', new Date('2026-11-23T10:00:00Z'), 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('periodDays()', () => {
  it('gives the calendar days of a period, with no zone involved', () => {
    expect(periodDays('last_quarter', { year: 2026, month: 11, day: 23, weekday: 1 })).toEqual({
      first: { year: 2026, month: 7, day: 1 },
      last: { year: 2026, month: 9, day: 30 },
    });
  });
});

describe('defaultMetricsRange()', () => {
  it.each([
    ['2026-11-23T10:00:00Z', 'UTC', '2026-10-24T00:00:00.000Z'],
    ['2026-11-23T10:00:00Z', 'Europe/London', '2026-10-23T23:00:00.000Z'],
    ['2026-11-23T19:00:00Z', 'Asia/Kolkata', '2026-10-24T18:30:00.000Z'],
    ['2024-03-30T10:00:00Z', 'UTC', '2024-02-29T00:00:00.000Z'],
  ])('at %s in %s runs from midnight 30 days ago, %s, to now', (now, tz, from) => {
    const range = defaultMetricsRange(new Date(now), tz);
    expect(range.from.toISOString()).toBe(from);
    expect(range.to.toISOString()).toBe(new Date(now).toISOString());
  });
});
