import type { Question } from '../survey-schema';
import { scoredAnswers, type ScoredAnswer } from './scored-answers';

/** The two scales the v1 metrics count: `/nps` and `/csat`. */
export type MetricScale = 'nps' | 'csat';

export interface RatedAnswer {
  scale: MetricScale;
  value: number;
}

/**
 * The answers `/nps` and `/csat` count: ratings of Rating questions on the
 * `nps` or `csat` scale. Custom scales (1-7, say) count for neither; they are
 * reported as averages elsewhere.
 *
 * @example
 * ratedAnswers(survey.questions, [{ question_id: 1, answer: 9 }]) // [{ scale: 'nps', value: 9 }]
 */
export function ratedAnswers(
  questions: readonly Question[],
  answers: readonly { question_id: number; answer: unknown }[],
): RatedAnswer[] {
  return metricAnswers(scoredAnswers(questions, answers));
}

/** The NPS and CSAT answers among scored ones, as `/nps` and `/csat` count them. */
export function metricAnswers(scored: readonly ScoredAnswer[]): RatedAnswer[] {
  const rated: RatedAnswer[] = [];
  for (const { scale, value } of scored) if (scale !== 'custom') rated.push({ scale, value });
  return rated;
}
