import type { Question } from './survey-schema';

/** One answer's value: a rating is a number, a checkbox a list, the rest text. */
export type AnswerValue = number | string | string[];

export interface Answer {
  question_id: number;
  answer: AnswerValue;
}

/** True when a value counts as answered (required checks, payload building). */
export function isAnswered(value: AnswerValue | undefined): value is AnswerValue {
  if (value === undefined) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/**
 * Segment values that the visitor chose in questions asking about a segment
 * (`question.segment`). They win over values passed in survey params.
 */
export function segmentAnswers(questions: readonly Question[], answers: readonly Answer[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const q of questions) {
    if (!('segment' in q) || !q.segment) continue;
    const given = answers.find((a) => a.question_id === q.id)?.answer;
    if (!isAnswered(given)) continue;
    out[q.segment] = Array.isArray(given) ? given.join(', ') : String(given);
  }
  return out;
}
