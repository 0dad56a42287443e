import type { TrendPointJson } from '../../../shared/dashboard/dashboard-replies';
import { trendBuckets, type BucketSize } from '../../../shared/periods/trend-buckets';
import type { StatTotals } from '../../store/stats-store';
import { addTotals, csatOfTotals, emptyTotals, npsOfTotals } from './stat-sums';

/**
 * Daily rollups summed into trend buckets (days, Monday weeks, months) over
 * `first`..`last`; a bucket with no responses is a point of zeros, so the chart's
 * axis is the calendar, not the data. Pure.
 */
export function trendJson(daily: readonly { day: string; totals: StatTotals }[], first: string, last: string, size: BucketSize): TrendPointJson[] {
  const sums = trendBuckets(first, last, size).map((bucket) => ({ ...bucket, totals: emptyTotals() }));
  const sorted = [...daily].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  let i = 0;
  for (const { day, totals } of sorted) {
    while (i < sums.length && (sums[i] as (typeof sums)[number]).last < day) i++;
    const bucket = sums[i];
    if (bucket && bucket.first <= day) addTotals(bucket.totals, totals);
  }
  return sums.map(({ first: from, last: to, totals }) => {
    const nps = npsOfTotals(totals);
    const csat = csatOfTotals(totals);
    return {
      first: from,
      last: to,
      responses: totals.responses,
      nps: nps.net_promoter_score,
      nps_ratings: nps.total_number_of_ratings,
      csat: csat.csat,
      csat_ratings: csat.total_number_of_ratings,
    };
  });
}
