import { describe, expect, it } from 'vitest';
import { TIMESTAMP_FORMAT, formatTimestamp, parseTimestamp } from '../../../src/shared/periods/parse-timestamp';

describe('parseTimestamp()', () => {
  it.each([
    ['the seed send_at example, +HHMM', '2023-08-20T18:00:00+0100', '2023-08-20T17:00:00.000Z'],
    ['the seed from_time example, minutes and Z', '2015-01-01T00:00Z', '2015-01-01T00:00:00.000Z'],
    ['the seed to_time example', '2015-01-31T23:59Z', '2015-01-31T23:59:00.000Z'],
    ['a seed output timestamp', '2023-08-19T16:30:14Z', '2023-08-19T16:30:14.000Z'],
    ['a bare date, as midnight UTC', '2023-08-20', '2023-08-20T00:00:00.000Z'],
    ['minutes with no zone, as UTC', '2023-08-20T18:00', '2023-08-20T18:00:00.000Z'],
    ['seconds with no zone, as UTC', '2023-08-20T18:00:05', '2023-08-20T18:00:05.000Z'],
    ['a space for the T', '2023-08-20 18:00:05', '2023-08-20T18:00:05.000Z'],
    ['one fraction digit', '2023-08-20T18:00:05.1Z', '2023-08-20T18:00:05.100Z'],
    ['milliseconds', '2023-08-20T18:00:05.123Z', '2023-08-20T18:00:05.123Z'],
    ['nanoseconds, cut to milliseconds', '2023-08-20T18:00:05.123456789Z', '2023-08-20T18:00:05.123Z'],
    ['a fraction that would round up, cut instead', '2023-12-31T23:59:59.9999Z', '2023-12-31T23:59:59.999Z'],
    ['+HH:MM', '2023-08-20T18:00:00+01:00', '2023-08-20T17:00:00.000Z'],
    ['+HH', '2023-08-20T18:00:00+01', '2023-08-20T17:00:00.000Z'],
    ['a half-hour negative offset', '2023-08-20T18:00:00-05:30', '2023-08-20T23:30:00.000Z'],
    ['a 45-minute offset that moves back a day', '2023-08-20T00:30+05:45', '2023-08-19T18:45:00.000Z'],
    ['a negative offset that moves on a day', '2023-12-31T23:30-01:00', '2024-01-01T00:30:00.000Z'],
    ['-00:00 as UTC', '2023-08-20T18:00:00-00:00', '2023-08-20T18:00:00.000Z'],
    ['a leap day', '2024-02-29T12:00Z', '2024-02-29T12:00:00.000Z'],
    ['a leap day in a century leap year', '2000-02-29', '2000-02-29T00:00:00.000Z'],
    ['a year below 100 as itself, not 19xx', '0099-01-01', '0099-01-01T00:00:00.000Z'],
  ])('reads %s (%s) as %s', (_, text, iso) => {
    expect(parseTimestamp(text)?.toISOString()).toBe(iso);
  });

  it.each([
    ['30 February', '2023-02-30'],
    ['29 February outside a leap year', '2023-02-29'],
    ['29 February in 1900, not a leap year', '1900-02-29'],
    ['31 April', '2023-04-31'],
    ['month 13', '2023-13-01'],
    ['month 0', '2023-00-10'],
    ['day 0', '2023-01-00'],
    ['hour 24', '2023-08-20T24:00'],
    ['minute 60', '2023-08-20T18:60'],
    ['second 60, a leap second a Date cannot hold', '2023-08-20T18:00:60Z'],
    ['an offset of 24 hours', '2023-08-20T18:00+24:00'],
    ['an offset of 60 minutes', '2023-08-20T18:00+01:60'],
    ['an empty string', ''],
    ['a word', 'yesterday'],
    ['a one-digit month', '2023-8-20'],
    ['the basic format without dashes', '20230820'],
    ['an hour with no minutes', '2023-08-20T18'],
    ['a dot with no fraction', '2023-08-20T18:00:00.'],
    ['ten fraction digits', '2023-08-20T18:00:00.1234567890'],
    ['a zone on a bare date', '2023-08-20Z'],
    ['a one-digit offset', '2023-08-20T18:00:00+1'],
    ['a three-digit offset', '2023-08-20T18:00:00+01:0'],
    ['a + turned into a space by a query string', '2023-08-20T18:00:00 0100'],
    ['a lower-case t', '2023-08-20t18:00:00Z'],
    ['a leading space', ' 2023-08-20'],
    ['a trailing newline', '2023-08-20\n'],
    ['Arabic-Indic digits', '٢٠٢٣-٠٨-٢٠'],
    ['a JavaScript date string', 'Sun Aug 20 2023 18:00:00 GMT+0100'],
  ])('refuses %s (%j)', (_, text) => {
    expect(parseTimestamp(text)).toBeUndefined();
  });
});

describe('TIMESTAMP_FORMAT', () => {
  const format = new RegExp(TIMESTAMP_FORMAT);

  it.each(['2023-08-20T18:00:00+0100', '2015-01-01T00:00Z', '2023-08-20', '2023-08-20 18:00:05.123-05:30'])(
    'describes %s as valid',
    (text) => {
      expect(format.test(text)).toBe(true);
    },
  );

  it.each(['yesterday', '2023-8-20', '2023-08-20Z'])('describes %s as invalid', (text) => {
    expect(format.test(text)).toBe(false);
  });

  it('describes the shape only: 30 February matches it but does not parse', () => {
    expect(format.test('2023-02-30')).toBe(true);
    expect(parseTimestamp('2023-02-30')).toBeUndefined();
  });
});

describe('formatTimestamp()', () => {
  it.each([
    ['2023-08-20T17:00:00.000Z', '2023-08-20T17:00:00Z'],
    ['2023-08-20T17:00:00.750Z', '2023-08-20T17:00:00Z'],
    ['2023-12-31T23:59:59.999Z', '2023-12-31T23:59:59Z'],
    ['1999-01-01T00:00:00.000Z', '1999-01-01T00:00:00Z'],
  ])('writes %s in the seed format as %s, milliseconds cut', (iso, text) => {
    expect(formatTimestamp(new Date(iso))).toBe(text);
  });

  it('writes an instant given with an offset in UTC', () => {
    expect(formatTimestamp(parseTimestamp('2023-08-20T18:00:00+0100') as Date)).toBe('2023-08-20T17:00:00Z');
  });

  it('writes what parseTimestamp reads back to the same instant', () => {
    const instant = new Date('2026-11-23T10:00:07Z');
    expect(parseTimestamp(formatTimestamp(instant))).toEqual(instant);
  });

  it('throws a RangeError for an invalid date', () => {
    expect(() => formatTimestamp(new Date('not a date'))).toThrow(RangeError);
  });
});
