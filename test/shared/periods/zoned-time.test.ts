import { describe, expect, it } from 'vitest';
import { addDays, addMonths, isTimeZone, localDate, startOfLocalDay } from '../../../src/shared/periods/zoned-time';
import type { CalendarDate } from '../../../src/shared/periods/zoned-time';

/** `2026-11-23` as a calendar date, to keep the tables readable. */
function day(text: string): CalendarDate {
  const [year = NaN, month = NaN, d = NaN] = text.split('-').map(Number);
  return { year, month, day: d };
}

/** What a wall clock in `tz` reads at `instant`, as `HH:MM`. */
function clock(instant: Date, tz: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: tz, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);
}

describe('isTimeZone()', () => {
  it.each(['UTC', 'Europe/London', 'America/Sao_Paulo', 'Asia/Kathmandu', 'Pacific/Auckland', 'Etc/GMT+1'])('accepts %s', (tz) => {
    expect(isTimeZone(tz)).toBe(true);
  });

  it.each([
    ['an empty string', ''],
    ['an unknown zone', 'Mars/Olympus_Mons'],
    ['a misspelt zone', 'Europe/Londres'],
    ['a bare offset, which only newer engines take', '+01:00'],
    ['a negative offset', '-0500'],
  ])('refuses %s', (_, tz) => {
    expect(isTimeZone(tz)).toBe(false);
  });
});

describe('localDate()', () => {
  it.each([
    ['2026-11-23T10:00:00Z', 'UTC', '2026-11-23', 1],
    ['2026-11-29T23:59:59.999Z', 'UTC', '2026-11-29', 7],
    ['2026-11-23T12:00:00Z', 'Pacific/Auckland', '2026-11-24', 2],
    ['2026-11-23T19:00:00Z', 'Asia/Kolkata', '2026-11-24', 2],
    ['2026-11-23T18:29:59.999Z', 'Asia/Kolkata', '2026-11-23', 1],
    ['2026-11-23T18:15:00Z', 'Asia/Kathmandu', '2026-11-24', 2],
    ['2026-11-23T18:14:59.999Z', 'Asia/Kathmandu', '2026-11-23', 1],
    ['2026-11-23T03:00:00Z', 'America/Los_Angeles', '2026-11-22', 7],
    ['2026-06-30T23:00:00Z', 'Europe/London', '2026-07-01', 3],
    ['2024-02-29T12:00:00Z', 'UTC', '2024-02-29', 4],
  ])('reads %s in %s as %s, weekday %i', (instant, tz, date, weekday) => {
    expect(localDate(new Date(instant), tz)).toEqual({ ...day(date), weekday });
  });

  it('throws a RangeError for an unknown zone', () => {
    expect(() => localDate(new Date('2026-11-23T10:00:00Z'), 'Mars/Olympus_Mons')).toThrow(RangeError);
  });

  it('throws a RangeError for an invalid date', () => {
    expect(() => localDate(new Date('not a date'), 'UTC')).toThrow(RangeError);
  });
});

describe('startOfLocalDay()', () => {
  it.each([
    ['2026-11-23', 'UTC', '2026-11-23T00:00:00.000Z', '00:00'],
    ['2026-07-01', 'Europe/London', '2026-06-30T23:00:00.000Z', '00:00'],
    ['2026-03-29', 'Europe/London', '2026-03-29T00:00:00.000Z', '00:00'],
    ['2026-03-30', 'Europe/London', '2026-03-29T23:00:00.000Z', '00:00'],
    ['2026-10-25', 'Europe/London', '2026-10-24T23:00:00.000Z', '00:00'],
    ['2026-10-26', 'Europe/London', '2026-10-26T00:00:00.000Z', '00:00'],
    ['2026-11-24', 'Asia/Kolkata', '2026-11-23T18:30:00.000Z', '00:00'],
    ['2026-11-24', 'Asia/Kathmandu', '2026-11-23T18:15:00.000Z', '00:00'],
    ['2026-11-24', 'Pacific/Auckland', '2026-11-23T11:00:00.000Z', '00:00'],
    ['2026-11-23', 'America/Los_Angeles', '2026-11-23T08:00:00.000Z', '00:00'],
  ])('starts %s in %s at %s', (date, tz, start, wallClock) => {
    const instant = startOfLocalDay(day(date), tz);
    expect(instant.toISOString()).toBe(start);
    expect(clock(instant, tz)).toBe(wallClock);
  });

  it.each([
    ['2018-11-04', 'America/Sao_Paulo', '2018-11-04T03:00:00.000Z'],
    ['2024-03-10', 'America/Havana', '2024-03-10T05:00:00.000Z'],
    ['2024-03-31', 'Asia/Beirut', '2024-03-30T22:00:00.000Z'],
    ['2024-09-08', 'America/Santiago', '2024-09-08T04:00:00.000Z'],
  ])('starts %s in %s at 01:00 local, because clocks skip midnight that day', (date, tz, start) => {
    const instant = startOfLocalDay(day(date), tz);
    expect(instant.toISOString()).toBe(start);
    expect(clock(instant, tz)).toBe('01:00');
    expect(localDate(new Date(instant.getTime() - 1), tz)).toMatchObject(addDays(day(date), -1));
  });

  it('starts the day after a midnight fall-back at its one real midnight (Sao Paulo, 2019-02-17)', () => {
    expect(startOfLocalDay(day('2019-02-16'), 'America/Sao_Paulo').toISOString()).toBe('2019-02-16T02:00:00.000Z');
    expect(startOfLocalDay(day('2019-02-17'), 'America/Sao_Paulo').toISOString()).toBe('2019-02-17T03:00:00.000Z');
  });

  it('starts a day a zone skipped (Samoa, 2011-12-30) when the next day starts', () => {
    const dec31 = startOfLocalDay(day('2011-12-31'), 'Pacific/Apia');
    expect(dec31.toISOString()).toBe('2011-12-30T10:00:00.000Z');
    expect(startOfLocalDay(day('2011-12-30'), 'Pacific/Apia')).toEqual(dec31);
  });

  it.each([
    ['Europe/London', 2026],
    ['America/Sao_Paulo', 2018],
    ['America/Havana', 2024],
    ['Asia/Beirut', 2024],
    ['Asia/Kathmandu', 2026],
    ['Pacific/Auckland', 2026],
    ['Australia/Lord_Howe', 2026],
  ])('starts every day of the year in %s (%i) just after the day before ends', (tz, year) => {
    for (let date = day(`${year}-01-01`); date.year === year; date = addDays(date, 1)) {
      const start = startOfLocalDay(date, tz);
      expect(localDate(start, tz)).toMatchObject(date);
      expect(localDate(new Date(start.getTime() - 1), tz)).toMatchObject(addDays(date, -1));
    }
  });

  it('throws a RangeError for an unknown zone', () => {
    expect(() => startOfLocalDay(day('2026-11-23'), 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('addDays()', () => {
  it.each([
    ['2026-11-23', 0, '2026-11-23'],
    ['2026-11-23', -6, '2026-11-17'],
    ['2026-11-23', -29, '2026-10-25'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-28', 2, '2024-03-01'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2024-01-01', 366, '2025-01-01'],
  ])('moves %s by %i days to %s', (from, n, to) => {
    expect(addDays(day(from), n)).toEqual(day(to));
  });
});

describe('addMonths()', () => {
  it.each([
    ['2026-11-23', -3, '2026-08-23'],
    ['2026-11-23', -12, '2025-11-23'],
    ['2026-01-15', -1, '2025-12-15'],
    ['2026-10-15', 3, '2027-01-15'],
    ['2024-05-31', -3, '2024-02-29'],
    ['2023-05-31', -3, '2023-02-28'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-08-31', 1, '2026-09-30'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2000-03-31', -1, '2000-02-29'],
    ['1900-03-31', -1, '1900-02-28'],
  ])('moves %s by %i months to %s', (from, n, to) => {
    expect(addMonths(day(from), n)).toEqual(day(to));
  });
});
