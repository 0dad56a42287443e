import { isDatePeriod } from '../../shared/periods/date-periods';
import { DEFAULT_PERIOD, NO_LIST_FILTERS } from './filters';
import type { ListFilters, RangeChoice, SegmentFilter, SharedFilters } from './filters';

/*
 * The hash's query uses the API's own parameter names, so a view's URL and the
 * request behind it are built by the same few functions. Reading is lenient:
 * anything the API would refuse is dropped (the default takes its place)
 * rather than sent on to fail.
 */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A whole number written plainly (digits only) within min..max, else null. */
export function wholeNumber(text: string | null, min: number, max: number): number | null {
  if (text === null || !/^\d{1,9}$/.test(text)) return null;
  const n = Number(text);
  return n >= min && n <= max ? n : null;
}

/** The range and survey in a query; 30-days and all surveys when absent or invalid. */
export function readShared(params: URLSearchParams): SharedFilters {
  const period = params.get('period');
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  let range: RangeChoice = { period: isDatePeriod(period) ? period : DEFAULT_PERIOD };
  if (!params.has('period') && ISO_DATE.test(from) && ISO_DATE.test(to) && from <= to) range = { from, to };
  return { range, surveyId: wholeNumber(params.get('survey_id'), 1, 2 ** 31 - 1) };
}

/** Adds the range and survey to `params`, leaving out the defaults so URLs stay short. */
export function writeShared(params: URLSearchParams, { range, surveyId }: SharedFilters, withDefaults = false): URLSearchParams {
  if ('period' in range) {
    if (withDefaults || range.period !== DEFAULT_PERIOD) params.set('period', range.period);
  } else {
    params.set('from', range.from);
    params.set('to', range.to);
  }
  if (surveyId !== null) params.set('survey_id', String(surveyId));
  return params;
}

function readSegment(text: string): SegmentFilter | null {
  const colon = text.indexOf(':');
  if (colon < 1 || colon > 100 || text.length - colon - 1 < 1 || text.length - colon - 1 > 200) return null;
  return { key: text.slice(0, colon), value: text.slice(colon + 1) };
}

/** The Responses list's filters in a query; the score range only counts with its scale, as the API requires. */
export function readList(params: URLSearchParams): ListFilters {
  const segments = params
    .getAll('segment')
    .map(readSegment)
    .filter((s): s is SegmentFilter => s !== null)
    .slice(0, 10);
  const scale = params.get('score_scale');
  const scoreScale = scale === 'nps' || scale === 'csat' ? scale : null;
  return {
    ...NO_LIST_FILTERS,
    segments,
    scoreScale,
    scoreMin: scoreScale && wholeNumber(params.get('score_min'), 0, 10),
    scoreMax: scoreScale && wholeNumber(params.get('score_max'), 0, 10),
    q: (params.get('q') ?? '').trim().slice(0, 200),
  };
}

/** Adds the list filters to `params`, in a fixed order, leaving out what is unset. */
export function writeList(params: URLSearchParams, list: ListFilters): URLSearchParams {
  for (const { key, value } of list.segments) params.append('segment', `${key}:${value}`);
  if (list.scoreScale) {
    params.set('score_scale', list.scoreScale);
    if (list.scoreMin !== null) params.set('score_min', String(list.scoreMin));
    if (list.scoreMax !== null) params.set('score_max', String(list.scoreMax));
  }
  if (list.q) params.set('q', list.q);
  return params;
}
