import type { DatePeriod } from '../../shared/periods/date-periods';

/** Which days: a named period, or two local dates (both included). */
export type RangeChoice = { period: DatePeriod } | { from: string; to: string };

/** What the filter bar sets, shared by Overview, League tables and Responses. */
export interface SharedFilters {
  range: RangeChoice;
  surveyId: number | null;
}

/** A segment filter: `site_code`, `staff_code` or a custom key, and one value. */
export interface SegmentFilter {
  key: string;
  value: string;
}

/** The Responses list's own filters, on top of the shared ones. */
export interface ListFilters {
  segments: SegmentFilter[];
  scoreScale: 'nps' | 'csat' | null;
  scoreMin: number | null;
  scoreMax: number | null;
  q: string;
}

export const DEFAULT_PERIOD: DatePeriod = '30-days';

export const DEFAULT_FILTERS: SharedFilters = { range: { period: DEFAULT_PERIOD }, surveyId: null };

export const NO_LIST_FILTERS: ListFilters = { segments: [], scoreScale: null, scoreMin: null, scoreMax: null, q: '' };
