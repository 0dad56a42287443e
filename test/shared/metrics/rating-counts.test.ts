import { describe, expect, it } from 'vitest';
import { countOf, countRatings, roundedPercent } from '../../../src/shared/metrics/rating-counts';

describe('countRatings()', () => {
  it('tallies single ratings by value', () => {
    expect(countRatings([10, 9, 10, 3])).toEqual(new Map([[10, 2], [9, 1], [3, 1]]));
  });

  it('gives no counts for no ratings', () => {
    expect(countRatings([]).size).toBe(0);
  });
});

describe('countOf()', () => {
  it.each([
    ['a whole count', 7, 7],
    ['zero', 0, 0],
    ['a missing value', 0, undefined],
    ['a negative count', 0, -3],
    ['a fractional count', 0, 2.5],
    ['NaN', 0, Number.NaN],
    ['Infinity', 0, Number.POSITIVE_INFINITY],
  ])('reads %s as a count of %i', (_, expected, count) => {
    const counts = new Map<number, number>(count === undefined ? [] : [[9, count]]);
    expect(countOf(counts, 9)).toBe(expected);
  });
});

describe('roundedPercent()', () => {
  it.each([
    [9, 10, 90],
    [1, 3, 33],
    [2, 3, 67],
    [-2, 3, -67],
    [1, 8, 13],
    [-1, 8, -13],
    [1, 200, 1],
    [-1, 200, -1],
    [1, 400, 0],
    [-1, 400, 0],
    [0, 5, 0],
    [7, 7, 100],
    [-7, 7, -100],
  ])('makes %i of %i into %i percent, halves away from zero', (part, whole, expected) => {
    expect(roundedPercent(part, whole)).toBe(expected);
  });

  it('has no percentage of nothing', () => {
    expect(roundedPercent(0, 0)).toBeNull();
  });
});
