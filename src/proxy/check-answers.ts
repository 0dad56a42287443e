import { isAnswered, type Answer, type AnswerValue } from '../shared/answer';
import { answerField, type FieldError } from '../shared/error-body';
import { resolveScale } from '../shared/rating-scale';
import type { StoredResponse } from '../shared/response-schema';
import type { Question } from '../shared/survey-schema';
import { fieldError } from './validation-error';

export type StoredAnswer = StoredResponse['answers'][number];

export interface CheckedAnswers {
  /** Answered, valid answers in the survey's question order, with question text and type. */
  answers: StoredAnswer[];
  errors: FieldError[];
}

/**
 * Checks posted answers against the survey's questions: each must name a
 * question once and fit its type. Blank answers count as not given, which is
 * only an error for required questions.
 */
export function checkAnswers(questions: readonly Question[], given: readonly Answer[]): CheckedAnswers {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const seen = new Set<number>();
  const attempted = new Set<number>();
  const valid = new Map<number, AnswerValue>();
  const errors: FieldError[] = [];
  for (const { question_id: id, answer } of given) {
    const question = byId.get(id);
    if (!question) {
      errors.push(fieldError(answerField(id), 'invalid_value', { allowed_values: [...byId.keys()] }));
    } else if (seen.has(id)) {
      errors.push(fieldError(answerField(id), 'invalid_value', { message: 'this question is answered more than once' }));
    } else if (isAnswered(answer)) {
      attempted.add(id);
      const problem = answerProblem(question, answer);
      if (problem) errors.push(problem);
      else valid.set(id, answer);
    }
    seen.add(id);
  }
  // A required question answered wrongly already has its error; "required" on top would mislead.
  for (const q of questions) {
    if (q.required && !attempted.has(q.id)) errors.push(fieldError(answerField(q.id), 'required'));
  }
  const answers = questions
    .filter((q) => valid.has(q.id))
    .map((q) => ({ question_id: q.id, question: q.question, type: q.answer_type, answer: valid.get(q.id) as AnswerValue }));
  return { answers, errors };
}

function answerProblem(question: Question, value: AnswerValue): FieldError | undefined {
  const field = answerField(question.id);
  switch (question.answer_type) {
    case 'Rating': {
      const { min, max } = resolveScale(question.scale);
      if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return undefined;
      return fieldError(field, 'invalid_value', { greater_than: min, less_than: max, must_be: 'integer' });
    }
    case 'Text':
      if (typeof value !== 'string') return fieldError(field, 'invalid_value', { message: 'the answer must be text' });
      if (value.length > question.max_length) return fieldError(field, 'wrong_length', { maximum: question.max_length });
      return undefined;
    case 'Dropdown':
    case 'Radio':
      if (typeof value === 'string' && question.options.includes(value)) return undefined;
      return fieldError(field, 'invalid_value', { allowed_values: question.options });
    case 'Checkbox':
      if (isChoiceList(value, question.options)) return undefined;
      return fieldError(field, 'invalid_value', { allowed_values: question.options, message: 'pick each option at most once' });
  }
}

function isChoiceList(value: AnswerValue, options: readonly string[]): boolean {
  return Array.isArray(value) && new Set(value).size === value.length && value.every((v) => options.includes(v));
}
