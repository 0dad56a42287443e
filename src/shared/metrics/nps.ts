import { countOf, roundedPercent } from './rating-counts';
import type { RatingCounts } from './rating-counts';

export type NpsBand = 'promoter' | 'passive' | 'detractor';

/** The body of the seed's `GET /nps`. */
export interface NpsResult {
  /** -100 to 100; null when there are no ratings. */
  net_promoter_score: number | null;
  promoter_count: number;
  passive_count: number;
  detractor_count: number;
  total_number_of_ratings: number;
}

/**
 * Which NPS band a 0-10 rating falls in: 9-10 promoter, 7-8 passive, 0-6 detractor.
 * Undefined for anything else (11, -1, 8.5), which NPS does not count.
 *
 * @example
 * npsBand(8) // 'passive'
 */
export function npsBand(value: number): NpsBand | undefined {
  if (!Number.isInteger(value) || value < 0 || value > 10) return undefined;
  return value >= 9 ? 'promoter' : value >= 7 ? 'passive' : 'detractor';
}

/**
 * The Net Promoter Score of a set of 0-10 ratings: the percentage of promoters less the
 * percentage of detractors, a whole number with halves rounded away from zero.
 * Values outside 0-10 are not counted. The total is the sum of the three bands; the seed's
 * example (75 + 20 + 5 with a total of 12) does not add up, so it is not followed there.
 *
 * @example
 * npsResult(new Map([[10, 6], [8, 3], [2, 1]]))
 * // { net_promoter_score: 50, promoter_count: 6, passive_count: 3, detractor_count: 1,
 * //   total_number_of_ratings: 10 }
 */
export function npsResult(counts: RatingCounts): NpsResult {
  const tally: Record<NpsBand, number> = { promoter: 0, passive: 0, detractor: 0 };
  for (const value of counts.keys()) {
    const band = npsBand(value);
    if (band) tally[band] += countOf(counts, value);
  }
  return npsOfBands(tally);
}

/**
 * The NPS result of ratings already counted per band (the dashboard's daily rollups keep bands,
 * not 0-10 values): the same score and rounding as `npsResult`.
 *
 * @example
 * npsOfBands({ promoter: 6, passive: 3, detractor: 1 }).net_promoter_score // 50
 */
export function npsOfBands(tally: Readonly<Record<NpsBand, number>>): NpsResult {
  const total = tally.promoter + tally.passive + tally.detractor;
  return {
    net_promoter_score: roundedPercent(tally.promoter - tally.detractor, total),
    promoter_count: tally.promoter,
    passive_count: tally.passive,
    detractor_count: tally.detractor,
    total_number_of_ratings: total,
  };
}
