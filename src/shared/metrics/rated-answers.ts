import type { Question } from '../survey-schema';

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
  const scales = new Map<number, MetricScale>();
  for (const q of questions) {
    if (q.answer_type === 'Rating' && (q.scale === 'nps' || q.scale === 'csat')) scales.set(q.id, q.scale);
  }
  const rated: RatedAnswer[] = [];
  for (const { question_id, answer } of answers) {
    const scale = scales.get(question_id);
    if (scale && typeof answer === 'number' && Number.isInteger(answer)) rated.push({ scale, value: answer });
  }
  return rated;
}
