import { describe, expect, it } from 'vitest';
import { npsBand, npsResult } from '../../../src/shared/metrics/nps';
import { countRatings } from '../../../src/shared/metrics/rating-counts';

describe('npsBand()', () => {
  it.each([
    [0, 'detractor'],
    [6, 'detractor'],
    [7, 'passive'],
    [8, 'passive'],
    [9, 'promoter'],
    [10, 'promoter'],
  ])('puts %i in the %s band', (value, band) => {
    expect(npsBand(value)).toBe(band);
  });

  it.each([-1, 11, 8.5, Number.NaN])('puts %d in no band', (value) => {
    expect(npsBand(value)).toBeUndefined();
  });
});

describe('npsResult()', () => {
  it("gives the seed's score of 70 for 75 promoters, 20 passives and 5 detractors, with a total that adds up", () => {
    // The seed's example says total_number_of_ratings: 12; 75 + 20 + 5 is 100.
    expect(npsResult(new Map([[10, 75], [8, 20], [3, 5]]))).toEqual({
      net_promoter_score: 70,
      promoter_count: 75,
      passive_count: 20,
      detractor_count: 5,
      total_number_of_ratings: 100,
    });
  });

  it('writes its fields in the order of the seed body', () => {
    expect(Object.keys(npsResult(new Map()))).toEqual([
      'net_promoter_score',
      'promoter_count',
      'passive_count',
      'detractor_count',
      'total_number_of_ratings',
    ]);
  });

  it('counts every value 0 to 10 in its band', () => {
    expect(npsResult(countRatings([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]))).toEqual({
      net_promoter_score: -45, // (2 - 7) / 11 = -45.45…
      promoter_count: 2,
      passive_count: 2,
      detractor_count: 7,
      total_number_of_ratings: 11,
    });
  });

  it.each([
    ['all promoters', 100, [9, 10, 10]],
    ['all detractors', -100, [0, 6]],
    ['all passives', 0, [7, 8]],
    ['as many promoters as detractors', 0, [10, 0, 8]],
    ['a 12.5-point lead for promoters, rounded up,', 13, [10, 10, 10, 8, 8, 8, 0, 0]],
    ['a 12.5-point lead for detractors, rounded away from zero,', -13, [10, 10, 8, 8, 8, 0, 0, 0]],
    ['a one-third lead for promoters, rounded down,', 33, [10, 8, 8]],
  ])('scores %s as %i', (_, score, ratings) => {
    expect(npsResult(countRatings(ratings)).net_promoter_score).toBe(score);
  });

  it('has no score when there are no ratings', () => {
    expect(npsResult(new Map())).toEqual({
      net_promoter_score: null,
      promoter_count: 0,
      passive_count: 0,
      detractor_count: 0,
      total_number_of_ratings: 0,
    });
  });

  it('does not count values outside 0 to 10 or between whole numbers', () => {
    expect(npsResult(new Map([[10, 1], [11, 4], [-1, 4], [8.5, 4], [Number.NaN, 4]]))).toMatchObject({
      net_promoter_score: 100,
      total_number_of_ratings: 1,
    });
  });

  it('has no score when every rating is off the scale', () => {
    expect(npsResult(new Map([[11, 3]])).net_promoter_score).toBeNull();
  });
});
