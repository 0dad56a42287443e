import { describe, expect, it } from 'vitest';
import { isAnswered, segmentAnswers } from '../../src/shared/answer';
import { postPurchase, supportCsat } from './fixtures';

describe('isAnswered()', () => {
  it.each([
    ['a rating of 0', 0, true],
    ['a rating of 10', 10, true],
    ['some text', 'Quick delivery', true],
    ['a checkbox with one choice', ['Knowledge'], true],
    ['nothing', undefined, false],
    ['an empty string', '', false],
    ['only spaces and a newline', '  \n ', false],
    ['a checkbox with no choice', [], false],
  ])('counts %s as answered: %s', (_, value, expected) => {
    expect(isAnswered(value)).toBe(expected);
  });
});

describe('segmentAnswers()', () => {
  it('takes a segment from the answer to the question that asks about it', () => {
    expect(segmentAnswers(postPurchase.questions, [{ question_id: 1, answer: 9 }, { question_id: 3, answer: 'leeds' }])).toEqual({
      site_code: 'leeds',
    });
  });

  it('gives nothing for a segment question left unanswered or blank', () => {
    expect(segmentAnswers(postPurchase.questions, [{ question_id: 1, answer: 9 }])).toEqual({});
    expect(segmentAnswers(postPurchase.questions, [{ question_id: 3, answer: '  ' }])).toEqual({});
  });

  it('ignores answers to questions that ask about no segment', () => {
    expect(segmentAnswers(supportCsat.questions, [{ question_id: 13, answer: 'Email' }, { question_id: 14, answer: 'Growth' }])).toEqual({
      plan: 'Growth',
    });
  });

  it('joins several checkbox choices with a comma', () => {
    const questions = [{ id: 5, question: 'Sites?', answer_type: 'Checkbox' as const, options: ['a', 'b'], required: false, segment: 'site_code' }];
    expect(segmentAnswers(questions, [{ question_id: 5, answer: ['a', 'b'] }])).toEqual({ site_code: 'a, b' });
  });
});
