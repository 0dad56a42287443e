import type { LeagueRowJson } from '../../../shared/dashboard/dashboard-replies';
import type { StatTotals } from '../../store/stats-store';
import { csatOfTotals, npsOfTotals } from './stat-sums';

/**
 * League rows from per-member rollups: members with fewer than `minResponses`
 * responses are counted, not shown (a score from three answers ranks nobody);
 * the rest by NPS, highest first, members without NPS ratings last, ties by
 * responses then label. Pure.
 */
export function leagueJson(
  members: readonly { member: string; totals: StatTotals }[],
  label: (value: string) => string,
  minResponses: number,
): { rows: LeagueRowJson[]; below_threshold: number } {
  const rows: LeagueRowJson[] = [];
  let below = 0;
  for (const { member, totals } of members) {
    if (totals.responses < minResponses) {
      below++;
      continue;
    }
    const nps = npsOfTotals(totals);
    const csat = csatOfTotals(totals);
    rows.push({
      member,
      label: label(member),
      responses: totals.responses,
      nps: nps.net_promoter_score,
      promoters: nps.promoter_count,
      passives: nps.passive_count,
      detractors: nps.detractor_count,
      csat: csat.csat,
      csat_ratings: csat.total_number_of_ratings,
    });
  }
  rows.sort((a, b) => (b.nps ?? -Infinity) - (a.nps ?? -Infinity) || b.responses - a.responses || a.label.localeCompare(b.label));
  return { rows, below_threshold: below };
}
