import { describe, expect, it } from 'vitest';
import { localDay } from '../../../src/proxy/store/local-day';
import { formatDate } from '../../../src/shared/periods/day-span';
import { localDate } from '../../../src/shared/periods/zoned-time';
import { seededRandom } from '../../../scripts/bench/seeded-random';

describe('localDay()', () => {
  it.each([
    ['Europe/Paris', '2026-03-29T00:30:00Z'], // clocks go forward that night
    ['Europe/London', '2026-10-25T00:30:00Z'], // and back
    ['America/Sao_Paulo', '2018-11-04T03:00:00Z'], // a DST jump that skipped midnight
    ['America/Sao_Paulo', '2018-02-18T02:00:00Z'], // DST ending at midnight: 23:00 again
    ['Asia/Kolkata', '2026-03-01T18:30:00Z'], // midnight at half past the UTC hour
    ['Pacific/Chatham', '2026-04-05T11:45:00Z'], // +12:45, with DST
    ['Australia/Lord_Howe', '2026-04-05T13:00:00Z'], // a half-hour DST change
    ['Pacific/Apia', '2011-12-29T10:00:00Z'], // the day that was skipped
  ])('agrees with localDate in %s around %s, instant by instant', (zone, around) => {
    const centre = Date.parse(around);
    const rng = seededRandom(centre % 1_000_003);
    // In order, then at random: the remembered hours must never answer for the wrong day.
    const instants = [
      ...Array.from({ length: 400 }, (_, i) => centre - 2 * 86_400_000 + i * 900_000 + 1),
      ...Array.from({ length: 400 }, () => centre - 3 * 86_400_000 + rng.int(6 * 86_400_000)),
    ];
    for (const ms of instants) expect(localDay(ms, zone), new Date(ms).toISOString()).toBe(formatDate(localDate(new Date(ms), zone)));
  });

  it('throws for an unknown zone, as localDate does', () => {
    expect(() => localDay(0, 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});
