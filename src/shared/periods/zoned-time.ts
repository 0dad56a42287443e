/** A day on the calendar, with no time of day and no zone: month 1-12, day 1-31. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** A calendar date as seen in some zone, with its ISO weekday: 1 = Monday … 7 = Sunday. */
export interface LocalDate extends CalendarDate {
  weekday: number;
}

interface WallTime extends CalendarDate {
  hour: number;
  minute: number;
  second: number;
}

const MS_PER_DAY = 86_400_000;
// No zone has been 16 hours from UTC (the furthest, Manila's LMT until 1845, was 15:56 behind),
// so a local midnight always falls within 16 hours of the same wall-clock reading taken as UTC.
const MAX_OFFSET_MS = 16 * 3_600_000;

// Building an Intl.DateTimeFormat is slow; formatting with one is fast. One per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(tz: string): Intl.DateTimeFormat {
  let formatter = formatters.get(tz);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      calendar: 'gregory',
      numberingSystem: 'latn',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      // h23, not hour12: false, which some engines render midnight as 24.
      hourCycle: 'h23',
    });
    formatters.set(tz, formatter);
  }
  return formatter;
}

/**
 * Whether `tz` names a time zone this runtime knows, such as `Europe/London` or `UTC`.
 * Offsets such as `+01:00` are refused even where a newer engine's Intl accepts them,
 * so the answer is the same in every browser and in Node.
 *
 * @example
 * isTimeZone('Asia/Kolkata') // true
 * isTimeZone('Mars/Olympus_Mons') // false
 */
export function isTimeZone(tz: string): boolean {
  if (!tz || /^[+-]/.test(tz)) return false;
  try {
    formatterFor(tz);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock in `tz` at `instant`, to the second. Throws RangeError for an unknown zone. */
function wallTime(instant: Date, tz: string): WallTime {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(tz).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const { year = NaN, month = NaN, day = NaN, hour = NaN, minute = NaN, second = NaN } = parts;
  return { year, month, day, hour, minute, second };
}

/** Milliseconds since the epoch of 00:00 UTC on `date`; years below 100 are taken literally. */
function utcMidnight({ year, month, day }: CalendarDate): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime();
}

function fromUtcMidnight(ms: number): CalendarDate {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** How far `tz`'s wall clock is ahead of UTC at `ms`, in milliseconds. */
function offsetAt(ms: number, tz: string): number {
  const wall = wallTime(new Date(ms), tz);
  const wallMs = utcMidnight(wall) + ((wall.hour * 60 + wall.minute) * 60 + wall.second) * 1000;
  return wallMs - (ms - (((ms % 1000) + 1000) % 1000));
}

/** Days from `b` to `a`: negative when `a` is earlier. */
function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return Math.round((utcMidnight(a) - utcMidnight(b)) / MS_PER_DAY);
}

/**
 * The calendar date of `instant` in `tz`, with its ISO weekday (1 = Monday … 7 = Sunday).
 * Throws RangeError for an invalid date or an unknown zone.
 *
 * @example
 * localDate(new Date('2026-11-23T20:00:00Z'), 'Pacific/Auckland')
 * // { year: 2026, month: 11, day: 24, weekday: 2 }  (09:00 on Tuesday in Auckland)
 */
export function localDate(instant: Date, tz: string): LocalDate {
  const { year, month, day } = wallTime(instant, tz);
  return { year, month, day, weekday: isoWeekday({ year, month, day }) };
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
function isoWeekday(date: CalendarDate): number {
  // 1970-01-01 was a Thursday (4).
  const days = Math.round(utcMidnight(date) / MS_PER_DAY);
  return ((((days + 3) % 7) + 7) % 7) + 1;
}

/**
 * The first instant of `date` in `tz`: usually local midnight, but 01:00 where a DST jump
 * skips midnight (America/Sao_Paulo on 2018-11-04), and the start of the next day that
 * exists where a zone skipped a whole day (Pacific/Apia on 2011-12-30).
 * Throws RangeError for an unknown zone.
 *
 * @example
 * startOfLocalDay({ year: 2026, month: 7, day: 1 }, 'Europe/London') // 2026-06-30T23:00:00.000Z
 * startOfLocalDay({ year: 2018, month: 11, day: 4 }, 'America/Sao_Paulo') // 2018-11-04T03:00:00.000Z
 */
export function startOfLocalDay(date: CalendarDate, tz: string): Date {
  const target = fromUtcMidnight(utcMidnight(date));
  const wall = utcMidnight(target);
  const startsAt = (ms: number): boolean =>
    daysBetween(wallTime(new Date(ms), tz), target) === 0 && daysBetween(wallTime(new Date(ms - 1), tz), target) < 0;
  // Midnight under the offset in force just before, at, or just after it; the earliest that
  // really starts the day wins (the first of two midnights when clocks go back over it).
  const offsets = new Set([wall - MAX_OFFSET_MS, wall, wall + MAX_OFFSET_MS].map((ms) => offsetAt(ms, tz)));
  const candidates = [...offsets].map((offset) => wall - offset).sort((a, b) => a - b);
  const found = candidates.find(startsAt);
  return new Date(found ?? firstInstantOnOrAfter(target, wall, tz));
}

/** Binary search for the first instant whose local date is `target` or later. */
function firstInstantOnOrAfter(target: CalendarDate, wall: number, tz: string): number {
  let before = wall - MAX_OFFSET_MS;
  let after = wall + MAX_OFFSET_MS;
  while (after - before > 1) {
    const mid = Math.floor((before + after) / 2);
    if (daysBetween(wallTime(new Date(mid), tz), target) >= 0) after = mid;
    else before = mid;
  }
  return after;
}

/**
 * `date` moved by `n` calendar days (negative to go back), across months and years.
 *
 * @example
 * addDays({ year: 2024, month: 2, day: 28 }, 2) // { year: 2024, month: 3, day: 1 }
 */
export function addDays(date: CalendarDate, n: number): CalendarDate {
  return fromUtcMidnight(utcMidnight(date) + n * MS_PER_DAY);
}

/**
 * `date` moved by `n` calendar months, the day clamped to the length of the month it lands in.
 *
 * @example
 * addMonths({ year: 2024, month: 5, day: 31 }, -3) // { year: 2024, month: 2, day: 29 }
 */
export function addMonths(date: CalendarDate, n: number): CalendarDate {
  const monthIndex = date.year * 12 + (date.month - 1) + n;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return fromUtcMidnight(utcMidnight({ year, month: month + 1, day: 0 })).day;
}
