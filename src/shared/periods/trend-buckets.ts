import { dayNumber, formatDate, tryParseDate } from './day-span';
import { addDays, addMonths, type CalendarDate } from './zoned-time';

export type BucketSize = 'day' | 'week' | 'month';

/** One point of a trend: its first and last local day, clipped to the span. */
export interface TrendBucket {
  first: string;
  last: string;
}

/**
 * The buckets a trend over `first`..`last` falls into: single days, calendar
 * weeks (Monday to Sunday, as the periods' weeks) or calendar months, the
 * first and last clipped to the span. Days are `YYYY-MM-DD`, so a day belongs
 * to the bucket whose `first <= day <= last` by plain string comparison.
 *
 * @example
 * trendBuckets('2026-11-20', '2026-11-25', 'week')
 * // [{ first: '2026-11-20', last: '2026-11-22' }, { first: '2026-11-23', last: '2026-11-25' }]
 */
export function trendBuckets(first: string, last: string, size: BucketSize): TrendBucket[] {
  const start = tryParseDate(first);
  const end = tryParseDate(last);
  if (!start || !end || first > last) return [];
  const buckets: TrendBucket[] = [];
  for (let from: CalendarDate = start; dayNumber(from) <= dayNumber(end); ) {
    const next = nextStart(from, size);
    const to = dayNumber(next) - 1 > dayNumber(end) ? end : addDays(next, -1);
    buckets.push({ first: formatDate(from), last: formatDate(to) });
    from = next;
  }
  return buckets;
}

/** The first day of the bucket after the one `date` is in. */
function nextStart(date: CalendarDate, size: BucketSize): CalendarDate {
  if (size === 'day') return addDays(date, 1);
  if (size === 'month') return addMonths({ year: date.year, month: date.month, day: 1 }, 1);
  // 1970-01-01 was a Thursday: day numbers mod 7 give 0 on Thursdays, so Monday is 4.
  const weekday = (((dayNumber(date) - 4) % 7) + 7) % 7;
  return addDays(date, 7 - weekday);
}
