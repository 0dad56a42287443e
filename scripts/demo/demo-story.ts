/**
 * The story the demo's numbers tell, as data: how each site's customers feel,
 * who serves where, and the lift of the last month. Leeds Trinity is clearly
 * the weakest store, so the dashboard's league table has something to say.
 */
import type { SeededRandom } from '../bench/seeded-random';
import type { Mood } from './demo-comments';

/** How a site's customers feel before the recent lift, its share of orders, and who serves there. */
export interface SiteStory {
  share: number;
  /** Shares of promoters (9-10) and detractors (0-6); the rest are passives. */
  promoters: number;
  detractors: number;
  staff: readonly string[];
}

export const SITE_STORIES: Readonly<Record<string, SiteStory>> = {
  newcastle: { share: 30, promoters: 0.62, detractors: 0.12, staff: ['luke'] },
  leeds: { share: 25, promoters: 0.34, detractors: 0.36, staff: ['amara', 'jon'] },
  online: { share: 30, promoters: 0.55, detractors: 0.15, staff: [] },
  york: { share: 15, promoters: 0.58, detractors: 0.14, staff: ['priya'] },
};

/** The site whose customers complain: its unhappy ones mostly say why in its own words. */
export const STRUGGLING_SITE = 'leeds';

/** The support team, who answer the support survey: Inès a little better liked than Sam. */
export const SUPPORT_STORIES: Readonly<Record<string, { happy: number; unhappy: number }>> = {
  sam: { happy: 0.68, unhappy: 0.12 },
  ines: { happy: 0.78, unhappy: 0.07 },
};

/**
 * How much happier customers have been lately: nothing until a month ago,
 * then rising to 12 points more promoters today. Gentle, but a trend shows it.
 *
 * @example
 * recentLift(45) // 0
 * recentLift(15) // 0.06
 */
export function recentLift(daysAgo: number): number {
  return daysAgo >= 30 ? 0 : 0.12 * (1 - daysAgo / 30);
}

/**
 * The mood of a score: an NPS band (0-6, 7-8, 9-10), or CSAT read the same way (1-2, 3, 4-5).
 *
 * @example
 * moodOf(8, 'nps') // 'lukewarm'
 */
export function moodOf(score: number, scale: 'nps' | 'csat'): Mood {
  const [unhappyBelow, happyFrom] = scale === 'nps' ? [7, 9] : [3, 4];
  return score < unhappyBelow ? 'unhappy' : score >= happyFrom ? 'happy' : 'lukewarm';
}

/** A site code, in proportion to how many orders each site takes. */
export function pickSite(rng: SeededRandom): string {
  const codes = Object.keys(SITE_STORIES);
  return codes[rng.weighted(codes.map((c) => SITE_STORIES[c]?.share ?? 0))] ?? 'online';
}
