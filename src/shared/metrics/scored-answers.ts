import type { Question } from '../survey-schema';

/** A Rating question's scale as the dashboard groups it: the two metric scales, or any other range. */
export type ScoreScale = 'nps' | 'csat' | 'custom';

/** One Rating answer: which question, on which scale, and the value given. */
export interface ScoredAnswer {
  question_id: number;
  scale: ScoreScale;
  value: number;
}

/**
 * Every whole-number answer to a Rating question, with its question and
 * scale: what the dashboard's score summaries count, and what the NPS and
 * CSAT metrics are picked from. Answers to other questions, unknown
 * questions and non-integers are left out.
 *
 * @example
 * scoredAnswers(survey.questions, [{ question_id: 1, answer: 9 }, { question_id: 4, answer: 'Great' }])
 * // [{ question_id: 1, scale: 'nps', value: 9 }]
 */
export function scoredAnswers(
  questions: readonly Question[],
  answers: readonly { question_id: number; answer: unknown }[],
): ScoredAnswer[] {
  const scales = new Map<number, ScoreScale>();
  for (const q of questions) {
    if (q.answer_type === 'Rating') scales.set(q.id, q.scale === 'nps' || q.scale === 'csat' ? q.scale : 'custom');
  }
  const scored: ScoredAnswer[] = [];
  for (const { question_id, answer } of answers) {
    const scale = scales.get(question_id);
    if (scale && typeof answer === 'number' && Number.isInteger(answer)) scored.push({ question_id, scale, value: answer });
  }
  return scored;
}
