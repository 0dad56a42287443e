import { periodDays, type DatePeriod } from './date-periods';
import { addDays, localDate, startOfLocalDay, type CalendarDate } from './zoned-time';

/** Whole local days, first and last included, and the instants they cover in a zone. */
export interface DaySpan {
  /** `YYYY-MM-DD` */
  first: string;
  last: string;
  from: Date;
  /** The last millisecond of `last`. */
  to: Date;
}

/** What picks the days: one of the 18 periods, or two local dates; the 30-days period when neither. */
export interface SpanChoice {
  period?: DatePeriod;
  from?: string;
  to?: string;
}

/** The longest custom span: ten years of days keeps every query and chart bounded. */
export const MAX_SPAN_DAYS = 3660;

/**
 * The days a dashboard view covers, in the org's zone, and the span of the same
 * number of days just before it (what "change against the previous period"
 * compares with: for `last_month` in March, the 28 days before 1 February).
 * Calendar rules are `periodDays`', the v1 API's own. Throws RangeError for an
 * impossible date or an unknown zone; the caller validates both first.
 *
 * @example
 * daySpans({ period: '7-days' }, new Date('2026-11-23T10:00:00Z'), 'UTC')
 * // { current: { first: '2026-11-17', last: '2026-11-23', … }, previous: { first: '2026-11-10', last: '2026-11-16', … } }
 */
export function daySpans(choice: SpanChoice, now: Date, tz: string): { current: DaySpan; previous: DaySpan } {
  const days =
    choice.from && choice.to
      ? { first: parseDate(choice.from), last: parseDate(choice.to) }
      : periodDays(choice.period ?? '30-days', localDate(now, tz));
  const length = dayNumber(days.last) - dayNumber(days.first) + 1;
  const previousLast = addDays(days.first, -1);
  return {
    current: spanOf(days.first, days.last, tz),
    previous: spanOf(addDays(previousLast, 1 - length), previousLast, tz),
  };
}

/** How many days `from`..`to` covers (both included); NaN when either is not a real date. */
export function spanLength(from: string, to: string): number {
  const a = tryParseDate(from);
  const b = tryParseDate(to);
  return a && b ? dayNumber(b) - dayNumber(a) + 1 : Number.NaN;
}

/** `YYYY-MM-DD` of a calendar date. */
export function formatDate({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A calendar date from `YYYY-MM-DD`; undefined for 2026-02-30 and anything not a date. */
export function tryParseDate(text: string): CalendarDate | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return formatDate(addDays(date, 0)) === text ? date : undefined;
}

function parseDate(text: string): CalendarDate {
  const date = tryParseDate(text);
  if (!date) throw new RangeError(`not a date: ${text}`);
  return date;
}

/** Days since 1970-01-01: differences count days exactly, whatever the months. */
export function dayNumber(date: CalendarDate): number {
  return Math.round(Date.UTC(date.year, date.month - 1, date.day) / 86_400_000);
}

function spanOf(first: CalendarDate, last: CalendarDate, tz: string): DaySpan {
  return {
    first: formatDate(first),
    last: formatDate(last),
    from: startOfLocalDay(first, tz),
    to: new Date(startOfLocalDay(addDays(last, 1), tz).getTime() - 1),
  };
}
