import { describe, expect, it } from 'vitest';
import { responseFacts, SEARCH_TEXT_MAX } from '../../../src/proxy/store/response-facts';
import { ORDER_SURVEY } from './dashboard-fixtures';
import { storedResponse } from './store-fixtures';

const answered = storedResponse({
  survey_id: ORDER_SURVEY.id,
  answers: [
    { question_id: 1, question: 'Recommend us?', type: 'Rating', answer: 9 },
    { question_id: 4, question: 'How easy?', type: 'Rating', answer: 6 },
    { question_id: 5, question: 'Anything else?', type: 'Text', answer: 'Fast DELIVERY' },
    { question_id: 6, question: 'How did you pay?', type: 'Radio', answer: 'Card' },
    { question_id: 7, question: 'What did you buy?', type: 'Checkbox', answer: ['Shoes', 'Hats'] },
  ],
  customer: { name: 'Mariner', email: 'Mariner@Example.com' },
  segments: { site_code: 'Leeds', region: 'North' },
  reference: 'INV-2090',
  machine_id: 'TILL-7',
});

describe('responseFacts()', () => {
  it('dates a response by its calendar day in the org’s zone', () => {
    const late = storedResponse({ submitted_at: '2026-03-01T23:30:00.000Z' });
    expect(responseFacts(late, undefined, 'UTC').day).toBe('2026-03-01');
    expect(responseFacts(late, undefined, 'Europe/Paris').day).toBe('2026-03-02');
    expect(responseFacts(late, undefined, 'America/Los_Angeles').day).toBe('2026-03-01');
  });

  it('reads an offset submitted_at as the instant it names', () => {
    const offset = storedResponse({ submitted_at: '2026-03-01T21:00:00-05:00' });
    expect(responseFacts(offset, undefined, 'UTC').day).toBe('2026-03-02');
    expect(responseFacts(offset, undefined, 'America/New_York').day).toBe('2026-03-01');
  });

  it('scores every Rating answer from the survey, custom scales included, and none without the survey', () => {
    expect(responseFacts(answered, ORDER_SURVEY, 'UTC').scored).toEqual([
      { question_id: 1, scale: 'nps', value: 9 },
      { question_id: 4, scale: 'custom', value: 6 },
    ]);
    expect(responseFacts(answered, undefined, 'UTC').scored).toEqual([]);
  });

  it('searches text and choice answers, customer fields, segments, reference and machine id, lower-cased, not ratings', () => {
    expect(responseFacts(answered, ORDER_SURVEY, 'UTC').searchText.split('\n')).toEqual([
      'fast delivery', 'card', 'shoes', 'hats', 'mariner', 'mariner@example.com', 'leeds', 'north', 'inv-2090', 'till-7',
    ]);
  });

  it('cuts the search text at 20,000 characters, never through a surrogate pair', () => {
    const long = (text: string) => storedResponse({ answers: [{ question_id: 5, question: 'Anything else?', type: 'Text', answer: text }], customer: {}, segments: {}, reference: null });
    expect(responseFacts(long('x'.repeat(30_000)), undefined, 'UTC').searchText).toHaveLength(SEARCH_TEXT_MAX);
    const emoji = responseFacts(long(`${'x'.repeat(SEARCH_TEXT_MAX - 1)}😀tail`), undefined, 'UTC').searchText;
    expect(emoji).toBe('x'.repeat(SEARCH_TEXT_MAX - 1));
  });
});
