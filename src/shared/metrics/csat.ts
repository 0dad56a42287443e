import { countOf, roundedPercent } from './rating-counts';
import type { RatingCounts } from './rating-counts';

/** The five CSAT answers, 1 to 5, in the words of the seed's `GET /csat` fields. */
export const CSAT_BANDS = ['very_negative', 'negative', 'neutral', 'positive', 'very_positive'] as const;

export type CsatBand = (typeof CSAT_BANDS)[number];

/** The body of the seed's `GET /csat`. */
export interface CsatResult {
  /** 0 to 100; null when there are no ratings. */
  csat: number | null;
  very_negative_count: number;
  negative_count: number;
  neutral_count: number;
  positive_count: number;
  very_positive_count: number;
  total_number_of_ratings: number;
}

/**
 * Which CSAT answer a 1-5 rating is; undefined for anything else, which CSAT does not count.
 *
 * @example
 * csatBand(4) // 'positive'
 */
export function csatBand(value: number): CsatBand | undefined {
  return Number.isInteger(value) ? CSAT_BANDS[value - 1] : undefined;
}

/**
 * The CSAT score of a set of 1-5 ratings: the percentage that are 4 or 5, a whole number
 * with halves rounded up. Values outside 1-5 are not counted.
 *
 * @example
 * csatResult(new Map([[1, 1], [4, 2], [5, 7]]))
 * // { csat: 90, very_negative_count: 1, negative_count: 0, neutral_count: 0,
 * //   positive_count: 2, very_positive_count: 7, total_number_of_ratings: 10 }
 */
export function csatResult(counts: RatingCounts): CsatResult {
  const tally: Record<CsatBand, number> = { very_negative: 0, negative: 0, neutral: 0, positive: 0, very_positive: 0 };
  for (const value of counts.keys()) {
    const band = csatBand(value);
    if (band) tally[band] += countOf(counts, value);
  }
  const total = CSAT_BANDS.reduce((sum, band) => sum + tally[band], 0);
  return {
    csat: roundedPercent(tally.positive + tally.very_positive, total),
    very_negative_count: tally.very_negative,
    negative_count: tally.negative,
    neutral_count: tally.neutral,
    positive_count: tally.positive,
    very_positive_count: tally.very_positive,
    total_number_of_ratings: total,
  };
}
