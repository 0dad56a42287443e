/** Numbers, percents and dates in the reader's locale; instants in the org's zone. */
export interface Format {
  /** 1234 -> "1,234" */
  number(value: number): string;
  /** A whole percent, 0-100: 42 -> "42%" */
  percent(value: number): string;
  /** With its sign: 5 -> "+5", -5 -> "−5", 0 -> "0" */
  signed(value: number): string;
  /** One decimal at most: 3.666 -> "3.7" */
  decimal(value: number): string;
  /** An ISO instant, in the org's time zone: "23 Nov 2026, 10:00" */
  dateTime(iso: string): string;
  /** A local calendar date, YYYY-MM-DD: "23 Nov 2026" */
  date(day: string): string;
  /** Two local dates as one span: "1–30 Nov 2026" */
  dateRange(first: string, last: string): string;
}

/** A calendar date pinned to UTC noon, so formatting it in UTC can never shift the day. */
function calendarDate(day: string): Date {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date, 12));
}

/** Times in the org's zone; a zone this browser does not know falls back to UTC rather than failing the page. */
function dateTimeFormat(locale: string, timeZone: string): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  } catch {
    // Said as "UTC" on every time, so nobody takes it for the org's local time.
    return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' });
  }
}

/**
 * The Intl formatters for one locale and org zone, built once per change of
 * either (building an Intl formatter is the slow part).
 *
 * @example
 * createFormat('en', 'Europe/London').dateTime('2026-07-01T09:30:00Z') // '1 Jul 2026, 10:30'
 */
export function createFormat(locale: string, timeZone: string): Format {
  const whole = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const signed = new Intl.NumberFormat(locale, { signDisplay: 'exceptZero' });
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const dateTime = dateTimeFormat(locale, timeZone);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  return {
    number: (value) => whole.format(value),
    percent: (value) => percent.format(value / 100),
    signed: (value) => signed.format(value),
    decimal: (value) => decimal.format(value),
    dateTime: (iso) => {
      const at = new Date(iso);
      return Number.isNaN(at.getTime()) ? iso : dateTime.format(at);
    },
    date: (day) => date.format(calendarDate(day)),
    dateRange: (first, last) => (first === last ? date.format(calendarDate(first)) : date.formatRange(calendarDate(first), calendarDate(last))),
  };
}
