// Groups: year, month, day, hour, minute, second, fraction, zone. A zone needs a time:
// ISO 8601 gives a bare date none.
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/**
 * The shape `parseTimestamp` accepts, as regular expression source, for the `valid_format`
 * of a validation error. Matching it is not enough: the date must also exist.
 *
 * @example
 * new RegExp(TIMESTAMP_FORMAT).test('2023-08-20T18:00:00+0100') // true
 */
export const TIMESTAMP_FORMAT = TIMESTAMP.source;

/**
 * Reads an API timestamp. The seed: "You can supply timestamps in any timezone using this
 * format [ISO 8601] … Omitting the timezone specifier from an otherwise-correct ISO 8601
 * date will result in us assuming UTC."
 *
 * Takes `YYYY-MM-DD`, optionally followed by `T` (or a space) and `HH:MM`, `HH:MM:SS` or
 * `HH:MM:SS.f` (1-9 digits, cut to milliseconds), then optionally `Z`, `±HH:MM`, `±HHMM`
 * or `±HH`. Returns undefined for any other text and for times that do not exist
 * (30 February, hour 24, minute or second 60, month 13).
 *
 * @example
 * parseTimestamp('2023-08-20T18:00:00+0100') // 2023-08-20T17:00:00.000Z
 * parseTimestamp('2015-01-01T00:00') // 2015-01-01T00:00:00.000Z (no zone: UTC)
 * parseTimestamp('2023-02-30') // undefined
 */
export function parseTimestamp(text: string): Date | undefined {
  const match = TIMESTAMP.exec(text);
  if (!match) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', zone = 'Z'] = match;
  const [year = NaN, month = NaN, day = NaN, hour = NaN, minute = NaN, second = NaN] = [y, mo, d, h, mi, s].map(Number);
  const offset = offsetMinutes(zone);
  // A leap second (60) is refused too: a JavaScript Date cannot hold one.
  const exists =
    within(month, 1, 12) && within(day, 1, daysInMonth(year, month)) && within(hour, 0, 23) && within(minute, 0, 59) && within(second, 0, 59);
  if (!exists || offset === undefined) return undefined;
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day); // not Date.UTC, which reads years 0-99 as 1900-1999
  date.setUTCHours(hour, minute - offset, second, Number(fraction.slice(0, 3).padEnd(3, '0')));
  return date;
}

/**
 * Writes an instant the way the seed returns them, "YYYY-MM-DDTHH:MM:SSZ": UTC, no
 * milliseconds (they are cut, not rounded). Throws RangeError for an invalid date.
 *
 * @example
 * formatTimestamp(new Date('2023-08-20T17:00:00.750Z')) // '2023-08-20T17:00:00Z'
 */
export function formatTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Minutes ahead of UTC for `Z`, `±HH`, `±HHMM` or `±HH:MM`; undefined past 23:59. */
function offsetMinutes(zone: string): number | undefined {
  if (zone === 'Z') return 0;
  const hours = Number(zone.slice(1, 3));
  const minutes = zone.length > 3 ? Number(zone.slice(-2)) : 0;
  if (!within(hours, 0, 23) || !within(minutes, 0, 59)) return undefined;
  return (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
}

/** False for NaN as well as for numbers out of range. */
function within(n: number, min: number, max: number): boolean {
  return n >= min && n <= max;
}

function daysInMonth(year: number, month: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month, 0); // day 0 of the next month is the last of this one
  return date.getUTCDate();
}
