import { addDays, addMonths, localDate, startOfLocalDay } from './zoned-time';
import type { CalendarDate, LocalDate } from './zoned-time';

/** The `period` names of the CustomerSure REST API v1, in the order the seed lists them. */
export const DATE_PERIODS = [
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
] as const;

export type DatePeriod = (typeof DATE_PERIODS)[number];

/** The whole calendar days a period covers, first and last included. */
export interface PeriodDays {
  first: CalendarDate;
  last: CalendarDate;
}

/** Two instants, both included: `to` is the last millisecond of the period. */
export interface PeriodRange {
  from: Date;
  to: Date;
}

/** How a period finds its days from today's date in the zone. */
type PeriodRule = (today: LocalDate) => PeriodDays;

type Unit = 'day' | 'week' | 'month' | 'quarter' | 'year';

/** The first day of the week, month, quarter or year `today` falls in; weeks start on Monday. */
function unitStart(today: LocalDate, unit: Unit): CalendarDate {
  const { year, month } = today;
  if (unit === 'day') return dateOf(today);
  if (unit === 'week') return addDays(today, 1 - today.weekday);
  if (unit === 'month') return { year, month, day: 1 };
  if (unit === 'quarter') return { year, month: month - ((month - 1) % 3), day: 1 };
  return { year, month: 1, day: 1 };
}

/** The date alone, without the weekday, so results compare equal to plain dates. */
function dateOf({ year, month, day }: CalendarDate): CalendarDate {
  return { year, month, day };
}

function addUnits(date: CalendarDate, unit: Unit, n: number): CalendarDate {
  if (unit === 'day') return addDays(date, n);
  if (unit === 'week') return addDays(date, 7 * n);
  return addMonths(date, n * (unit === 'month' ? 1 : unit === 'quarter' ? 3 : 12));
}

/** The whole unit `back` units before the one `today` is in. */
function wholeUnit(unit: Unit, back: number): PeriodRule {
  return (today) => {
    const first = addUnits(unitStart(today, unit), unit, -back);
    return { first, last: addDays(addUnits(first, unit, 1), -1) };
  };
}

/** From the start of the unit `today` is in, to the end of today. */
function unitSoFar(unit: Unit): PeriodRule {
  return (today) => ({ first: unitStart(today, unit), last: dateOf(today) });
}

/** Today and the `n - 1` days before it. */
function rollingDays(n: number): PeriodRule {
  return (today) => ({ first: addDays(today, 1 - n), last: dateOf(today) });
}

/** From the day after today-minus-`n`-months, to the end of today. */
function rollingMonths(n: number): PeriodRule {
  return (today) => ({ first: addDays(addMonths(today, -n), 1), last: dateOf(today) });
}

// The seed's description of each period is quoted beside its rule.
const PERIOD_RULES: Record<DatePeriod, PeriodRule> = {
  '7-days': rollingDays(7), // "7-day rolling window, ending 11:59 today."
  '30-days': rollingDays(30), // "30-day rolling window, ending 11:59 today."
  '3-months': rollingMonths(3), // "3-calendar-month rolling window, ending 11:59 today."
  '6-months': rollingMonths(6),
  '12-months': rollingMonths(12),
  current_week: unitSoFar('week'), // "Start of this calendar week to the end of today"
  current_month: unitSoFar('month'),
  current_quarter: unitSoFar('quarter'), // "(i.e. 1st Jan, 1st April, 1st July, 1st Oct)"
  current_year: unitSoFar('year'),
  last_week: wholeUnit('week', 1), // "Previous calendar week"
  last_month: wholeUnit('month', 1),
  last_quarter: wholeUnit('quarter', 1), // "(i.e. Jan 1st-March 31st, April 1st-June 30th etc)"
  last_year: wholeUnit('year', 1),
  yesterday: wholeUnit('day', 1), // "From 00:00 to 23:59 yesterday"
  day_before_yesterday: wholeUnit('day', 2), // "From 00:00 to 23:59, the day before yesterday"
  week_before_last: wholeUnit('week', 2), // "Two calendar weeks ago"
  month_before_last: wholeUnit('month', 2),
  year_before_last: wholeUnit('year', 2),
};

/**
 * Whether `value` is one of the CustomerSure period names.
 *
 * @example
 * isDatePeriod('last_month') // true
 * isDatePeriod('last-month') // false
 */
export function isDatePeriod(value: unknown): value is DatePeriod {
  return typeof value === 'string' && (DATE_PERIODS as readonly string[]).includes(value);
}

/**
 * The calendar days a period covers when it is `today`, with no time zone involved.
 *
 * @example
 * periodDays('last_quarter', { year: 2026, month: 11, day: 23, weekday: 1 })
 * // { first: { year: 2026, month: 7, day: 1 }, last: { year: 2026, month: 9, day: 30 } }
 */
export function periodDays(period: DatePeriod, today: LocalDate): PeriodDays {
  return PERIOD_RULES[period](today);
}

/**
 * The instants a CustomerSure `period` covers at `now`, days taken in `tz`. Both ends are
 * included: `from` is the first instant of the first day (see `startOfLocalDay`), `to` the
 * last millisecond of the last day, so in Europe/London during BST a period starts at 23:00Z.
 *
 * How we read the seed:
 * - "ending 11:59 today" and "From 00:00 to 23:59" mean the end of the day, 23:59:59.999.
 * - '7-days' and '30-days' are today and the 6 (or 29) days before it.
 * - 'N-months' runs from the day after today-minus-N-calendar-months (the day clamped, so
 *   31 May less 3 months is 28 or 29 Feb) to the end of today.
 * - Calendar weeks start on Monday (ISO 8601; CustomerSure is a UK product).
 * - 'current_*' runs from the start of the unit to the end of today; 'last_*' and
 *   '*_before_last' are the whole unit one or two back; quarters start 1 Jan, Apr, Jul, Oct.
 *
 * Throws RangeError for an invalid `now` or an unknown zone; check with `isTimeZone` first.
 *
 * @example
 * periodRange('3-months', new Date('2026-11-23T10:00:00Z'), 'UTC')
 * // { from: 2026-08-24T00:00:00.000Z, to: 2026-11-23T23:59:59.999Z }
 */
export function periodRange(period: DatePeriod, now: Date, tz: string): PeriodRange {
  const { first, last } = periodDays(period, localDate(now, tz));
  return {
    from: startOfLocalDay(first, tz),
    to: new Date(startOfLocalDay(addDays(last, 1), tz).getTime() - 1),
  };
}

/**
 * The range /nps and /csat use when neither `period` nor times are given. The seed:
 * from_time "Defaults to midnight 30 days ago", to_time "Defaults to now"; we take
 * midnight as the start of the local day 30 days before today in `tz`.
 *
 * @example
 * defaultMetricsRange(new Date('2026-11-23T10:00:00Z'), 'UTC')
 * // { from: 2026-10-24T00:00:00.000Z, to: 2026-11-23T10:00:00.000Z }
 */
export function defaultMetricsRange(now: Date, tz: string): PeriodRange {
  return { from: startOfLocalDay(addDays(localDate(now, tz), -30), tz), to: new Date(now.getTime()) };
}

/**
 * The range `/response_rate` uses by default. The seed: "the 30 days prior to
 * yesterday … We don't want to include requests sent today or yesterday";
 * from_time "Defaults to midnight, 32 days ago", to_time "Defaults to
 * midnight, 2 days ago". Midnights in `tz`.
 *
 * @example
 * defaultResponseRateRange(new Date('2026-11-23T10:00:00Z'), 'UTC')
 * // { from: 2026-10-22T00:00:00.000Z, to: 2026-11-21T00:00:00.000Z }
 */
export function defaultResponseRateRange(now: Date, tz: string): PeriodRange {
  const today = localDate(now, tz);
  return { from: startOfLocalDay(addDays(today, -32), tz), to: startOfLocalDay(addDays(today, -2), tz) };
}
