import type { TrendBucket } from '../../shared/dashboard/dashboard-query';
import type { Format } from './create-format';

/**
 * How a trend point is named: its day, or the span of its week or month
 * (clipped to the range, so a month can be "15–31 Jan 2026").
 *
 * @example
 * bucketLabel({ first: '2026-01-05', last: '2026-01-11' }, 'week', fmt) // '5–11 Jan 2026'
 */
export function bucketLabel(point: { first: string; last: string }, bucket: TrendBucket, fmt: Format): string {
  return bucket === 'day' ? fmt.date(point.first) : fmt.dateRange(point.first, point.last);
}
