import { describe, expect, it } from 'vitest';
import { csatBand, csatResult } from '../../../src/shared/metrics/csat';
import { countRatings } from '../../../src/shared/metrics/rating-counts';

describe('csatBand()', () => {
  it.each([
    [1, 'very_negative'],
    [2, 'negative'],
    [3, 'neutral'],
    [4, 'positive'],
    [5, 'very_positive'],
  ])('calls %i %s', (value, band) => {
    expect(csatBand(value)).toBe(band);
  });

  it.each([0, 6, 10, -1, 2.5, Number.NaN])('puts %d in no band', (value) => {
    expect(csatBand(value)).toBeUndefined();
  });
});

describe('csatResult()', () => {
  it('gives exactly the seed example body for counts 1, 0, 0, 2, 7', () => {
    const result = csatResult(new Map([[1, 1], [2, 0], [3, 0], [4, 2], [5, 7]]));
    expect(JSON.stringify(result)).toBe(
      '{"csat":90,"very_negative_count":1,"negative_count":0,"neutral_count":0,"positive_count":2,"very_positive_count":7,"total_number_of_ratings":10}',
    );
  });

  it.each([
    ['only 4s and 5s', 100, [4, 5, 5]],
    ['only 1s to 3s', 0, [1, 2, 3]],
    ['half 5s and half neutral 3s (counted in the total, not the score)', 50, [3, 3, 5, 5]],
    ['two thirds positive, rounded up,', 67, [5, 4, 1]],
    ['62.5% positive, rounded up,', 63, [5, 5, 5, 4, 4, 3, 2, 1]],
  ])('scores %s as %i', (_, score, ratings) => {
    expect(csatResult(countRatings(ratings)).csat).toBe(score);
  });

  it('has no score when there are no ratings', () => {
    expect(csatResult(new Map())).toEqual({
      csat: null,
      very_negative_count: 0,
      negative_count: 0,
      neutral_count: 0,
      positive_count: 0,
      very_positive_count: 0,
      total_number_of_ratings: 0,
    });
  });

  it('does not count values outside 1 to 5 or between whole numbers', () => {
    expect(csatResult(new Map([[5, 1], [1, 1], [0, 9], [6, 9], [10, 9], [4.5, 9]]))).toMatchObject({
      csat: 50,
      total_number_of_ratings: 2,
    });
  });
});
