import { describe, expect, it } from 'vitest';
import { metricAnswers, ratedAnswers } from '../../../src/shared/metrics/rated-answers';
import { scoredAnswers } from '../../../src/shared/metrics/scored-answers';
import { SurveySchema } from '../../../src/shared/survey-schema';

const { questions } = SurveySchema.parse({
  id: 1,
  name: 'Scales',
  questions: [
    { id: 1, question: 'Recommend?', answer_type: 'Rating', scale: 'nps' },
    { id: 2, question: 'Satisfied?', answer_type: 'Rating', scale: 'csat' },
    { id: 3, question: 'Easy?', answer_type: 'Rating', scale: { min: 1, max: 7 } },
    { id: 4, question: 'Default scale?', answer_type: 'Rating' },
    { id: 5, question: 'Why?', answer_type: 'Text' },
  ],
});

describe('scoredAnswers()', () => {
  it('scores each whole-number Rating answer with its question and scale', () => {
    const answers = [
      { question_id: 1, answer: 9 },
      { question_id: 2, answer: 4 },
      { question_id: 3, answer: 6 },
      { question_id: 4, answer: 0 },
    ];
    expect(scoredAnswers(questions, answers)).toEqual([
      { question_id: 1, scale: 'nps', value: 9 },
      { question_id: 2, scale: 'csat', value: 4 },
      { question_id: 3, scale: 'custom', value: 6 },
      { question_id: 4, scale: 'nps', value: 0 },
    ]);
  });

  it.each([
    ['a text answer', { question_id: 5, answer: 'Because' }],
    ['a rating given as text', { question_id: 1, answer: '9' }],
    ['a fraction', { question_id: 1, answer: 8.5 }],
    ['an unknown question', { question_id: 99, answer: 9 }],
  ])('leaves out %s', (_name, answer) => {
    expect(scoredAnswers(questions, [answer])).toEqual([]);
  });
});

describe('ratedAnswers()', () => {
  it('keeps what /nps and /csat count and drops custom scales, as before', () => {
    const answers = [
      { question_id: 1, answer: 10 },
      { question_id: 3, answer: 7 },
      { question_id: 2, answer: 5 },
    ];
    expect(ratedAnswers(questions, answers)).toEqual([
      { scale: 'nps', value: 10 },
      { scale: 'csat', value: 5 },
    ]);
    expect(metricAnswers(scoredAnswers(questions, answers))).toEqual(ratedAnswers(questions, answers));
  });
});
