import { describe, expect, it } from 'vitest';
import { answerText } from '../../../src/dashboard/format/answer-text';
import { createFormat } from '../../../src/dashboard/format/create-format';
import { en } from '../../../src/dashboard/i18n/en';
import { createTranslator } from '../../../src/dashboard/i18n/translate';

const { t } = createTranslator(en, 'en');
const fmt = createFormat('en', 'UTC');
const answer = { question_id: 1, question: 'Q', answer_type: 'Rating' };

describe('answerText', () => {
  it('shows a rating against the top of its scale', () => expect(answerText({ ...answer, answer: 9, min: 0, max: 10 }, t, fmt)).toBe('9 / 10'));
  it('shows a number without a scale as the number', () => expect(answerText({ ...answer, answer: 1500 }, t, fmt)).toBe('1,500'));
  it('joins the choices of a multiple-choice answer', () => expect(answerText({ ...answer, answer: ['Coffee', 'Cake'] }, t, fmt)).toBe('Coffee, Cake'));
  it('shows text as written', () => expect(answerText({ ...answer, answer: 'Faster tills' }, t, fmt)).toBe('Faster tills'));
});
