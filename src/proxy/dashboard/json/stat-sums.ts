import { csatResult, type CsatResult } from '../../../shared/metrics/csat';
import { npsOfBands, type NpsResult } from '../../../shared/metrics/nps';
import type { StatTotals } from '../../store/stats-store';

/** Nothing counted yet. */
export function emptyTotals(): StatTotals {
  return { responses: 0, promoters: 0, passives: 0, detractors: 0, csat: [0, 0, 0, 0, 0] };
}

/** `into` plus `more`, in place (sums over days or surveys). */
export function addTotals(into: StatTotals, more: StatTotals): StatTotals {
  into.responses += more.responses;
  into.promoters += more.promoters;
  into.passives += more.passives;
  into.detractors += more.detractors;
  into.csat = into.csat.map((n, i) => n + (more.csat[i] ?? 0)) as StatTotals['csat'];
  return into;
}

/** The one NPS computation (shared/metrics), over rolled-up bands. */
export function npsOfTotals(t: StatTotals): NpsResult {
  return npsOfBands({ promoter: t.promoters, passive: t.passives, detractor: t.detractors });
}

/** The one CSAT computation (shared/metrics), over rolled-up 1-5 counts. */
export function csatOfTotals(t: StatTotals): CsatResult {
  return csatResult(new Map(t.csat.map((n, i) => [i + 1, n])));
}
