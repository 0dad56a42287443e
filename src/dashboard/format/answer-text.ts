import type { AnswerDetailJson } from '../../shared/dashboard/dashboard-replies';
import type { Translator } from '../i18n/translate';
import type { Format } from './create-format';

/**
 * An answer as a reader wants it: a rating against its scale ("9 / 10"), a
 * list of choices joined, anything else as given.
 *
 * @example
 * answerText({ question_id: 1, question: 'Recommend?', answer_type: 'Rating', answer: 9, min: 0, max: 10 }, t, fmt) // '9 / 10'
 */
export function answerText(answer: AnswerDetailJson, t: Translator['t'], fmt: Format): string {
  const value = answer.answer;
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'number') return answer.max === undefined ? fmt.number(value) : t('ratingOutOf', { value: fmt.number(value), max: fmt.number(answer.max) });
  return value;
}
