import { scoredAnswers, type ScoredAnswer } from '../../shared/metrics/scored-answers';
import type { StoredResponse } from '../../shared/response-schema';
import type { Survey } from '../../shared/survey-schema';
import { localDay } from './local-day';

/** What the store counts and indexes a response by, beyond its own columns; computed by the caller, who knows the survey and zone. */
export interface ResponseFacts {
  /** Every whole-number Rating answer (NPS, CSAT and custom scales). */
  scored: ScoredAnswer[];
  /** The local `YYYY-MM-DD` of `submitted_at` in the org's zone: the rollup day. */
  day: string;
  /** Lower-cased text a dashboard search looks in. */
  searchText: string;
}

/** Long enough for every answer a survey's text limits allow in practice; bounded so one response cannot bloat the table. */
export const SEARCH_TEXT_MAX = 20_000;

/**
 * The facts of a response for `ResponseStore.insert` and `StatsStore.rebuild`:
 * one derivation for both, so a rebuild reproduces what inserts counted. Pure.
 * Without its survey (a file since removed) a response has no scored answers
 * but still counts, and is still found by its text.
 *
 * @example
 * responseFacts(response, survey, 'Europe/Paris')
 * // { scored: [{ question_id: 1, scale: 'nps', value: 9 }], day: '2026-03-02', searchText: 'fast delivery\nmariner\nnewcastle\ninv-2090' }
 */
export function responseFacts(response: StoredResponse, survey: Survey | undefined, zone: string): ResponseFacts {
  return {
    scored: survey ? scoredAnswers(survey.questions, response.answers) : [],
    day: localDay(submittedMs(response), zone),
    searchText: searchText(response),
  };
}

/** The instant `submitted_utc` holds (`derivedColumns`): `submitted_at`, or the arrival time if that is unreadable. */
function submittedMs(r: StoredResponse): number {
  const ms = Date.parse(r.submitted_at);
  return Number.isNaN(ms) ? Date.parse(r.received_at) : ms;
}

/**
 * Text, choice and checkbox answers, customer fields, segment values, the
 * reference and the machine id, one per line: what a person might type to
 * find a response. Ratings are left out (a score filter finds those).
 */
function searchText(r: StoredResponse): string {
  const parts: string[] = [];
  for (const { answer } of r.answers) {
    if (typeof answer === 'string') parts.push(answer);
    else if (Array.isArray(answer)) parts.push(...answer);
  }
  parts.push(...Object.values(r.customer), ...Object.values(r.segments));
  if (r.reference) parts.push(r.reference);
  if (r.machine_id) parts.push(r.machine_id);
  const text = parts.filter((p) => p !== '').join('\n').toLowerCase();
  if (text.length <= SEARCH_TEXT_MAX) return text;
  // Never end on half of a surrogate pair: the database would store a replacement character.
  const end = /[\uD800-\uDBFF]/.test(text[SEARCH_TEXT_MAX - 1] ?? '') ? SEARCH_TEXT_MAX - 1 : SEARCH_TEXT_MAX;
  return text.slice(0, end);
}
