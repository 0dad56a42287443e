const DAY_MS = 86_400_000;

export interface UtcDaySplit {
  /** Whole UTC days inside the range (`YYYY-MM-DD`, inclusive), when there are any. */
  days?: { first: string; last: string };
  /** The parts of the range outside those days, as inclusive ISO instants. */
  edges: { from: string; to: string }[];
}

/**
 * Splits an inclusive instant range into the whole UTC days it covers and the
 * partial days at either end. Whole days are summed from daily counts; only
 * the edges (under a day each) are counted row by row, so a year costs the
 * same as a week. Pure.
 *
 * @example
 * splitByUtcDays(new Date('2026-01-01T06:00Z'), new Date('2026-01-03T23:59:59.999Z'))
 * // { days: { first: '2026-01-02', last: '2026-01-03' }, edges: [{ from: '2026-01-01T06:00:00.000Z', to: '2026-01-01T23:59:59.999Z' }] }
 */
export function splitByUtcDays(from: Date, to: Date): UtcDaySplit {
  const start = from.getTime();
  const end = to.getTime();
  if (end < start) return { edges: [] };
  const firstDay = Math.ceil(start / DAY_MS) * DAY_MS;
  const afterLastDay = Math.floor((end + 1) / DAY_MS) * DAY_MS;
  if (afterLastDay <= firstDay) return { edges: [{ from: iso(start), to: iso(end) }] };
  const edges: UtcDaySplit['edges'] = [];
  if (start < firstDay) edges.push({ from: iso(start), to: iso(firstDay - 1) });
  if (afterLastDay <= end) edges.push({ from: iso(afterLastDay), to: iso(end) });
  return { days: { first: iso(firstDay).slice(0, 10), last: iso(afterLastDay - DAY_MS).slice(0, 10) }, edges };
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
