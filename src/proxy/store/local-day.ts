import { formatDate } from '../../shared/periods/day-span';
import { addDays, localDate, startOfLocalDay } from '../../shared/periods/zoned-time';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
// About eleven years of hours per zone, then start over: bounded, and never hit in practice.
const MAX_HOURS = 100_000;

/** Per zone: UTC hour number → the local date every instant of that hour has, or null when the hour spans two. */
const hoursByZone = new Map<string, Map<number, string | null>>();

/**
 * The local `YYYY-MM-DD` of an instant in `zone`: `localDate`, remembered per
 * UTC hour. A rebuild dates a million responses; asking Intl for each costs
 * 8 µs, a lookup well under one. Only hours that lie wholly inside a local
 * day of exactly 24 hours are remembered: such a day has no clock change, so
 * every instant in it has its date. Other hours (half-hour zones' midnights,
 * days the clocks change) are asked of Intl each time, so the answer is
 * always `localDate`'s. Throws RangeError for an unknown zone, as it does.
 *
 * @example
 * localDay(Date.parse('2026-03-01T23:30:00Z'), 'Europe/Paris') // '2026-03-02'
 */
export function localDay(instantMs: number, zone: string): string {
  let hours = hoursByZone.get(zone);
  if (!hours || hours.size > MAX_HOURS) hoursByZone.set(zone, (hours = new Map()));
  const hour = Math.floor(instantMs / HOUR_MS);
  const known = hours.get(hour);
  if (known) return known;
  const date = localDate(new Date(instantMs), zone);
  const day = formatDate(date);
  if (known === undefined) {
    const start = startOfLocalDay(date, zone).getTime();
    const end = startOfLocalDay(addDays(date, 1), zone).getTime();
    const uniform = end - start === DAY_MS;
    // Every hour the day holds whole gets its date; the hour holding the start or end, if any, is mixed.
    for (let h = Math.floor(start / HOUR_MS); h * HOUR_MS < end; h += 1) {
      const whole = h * HOUR_MS >= start && (h + 1) * HOUR_MS <= end;
      hours.set(h, uniform && whole ? day : (hours.get(h) ?? null));
    }
  }
  return day;
}
