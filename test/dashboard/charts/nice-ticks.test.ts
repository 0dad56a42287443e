import { describe, expect, it } from 'vitest';
import { niceStep, niceTicks } from '../../../src/dashboard/charts/nice-ticks';

describe('niceStep', () => {
  it('rounds up to 1, 2 or 5 times a power of ten', () => {
    expect(niceStep(37, 5)).toBe(10);
    expect(niceStep(9, 5)).toBe(2);
    expect(niceStep(20, 5)).toBe(5);
    expect(niceStep(0.3, 3)).toBe(0.1);
    expect(niceStep(7000, 4)).toBe(2000);
  });
});

describe('niceTicks', () => {
  it('covers the data with round ticks from zero', () => expect(niceTicks(0, 37)).toEqual([0, 10, 20, 30, 40]));
  it('ends exactly on the maximum when it is already round', () => expect(niceTicks(0, 40)).toEqual([0, 10, 20, 30, 40]));
  it('spans negative and positive values', () => expect(niceTicks(-100, 100, 4)).toEqual([-100, -50, 0, 50, 100]));
  it('starts below a minimum that is not round', () => expect(niceTicks(13, 47, 4)).toEqual([10, 20, 30, 40, 50]));
  it('keeps decimal ticks free of floating-point noise', () => expect(niceTicks(0, 0.3, 3)).toEqual([0, 0.1, 0.2, 0.3]));
  it('keeps whole steps for counts when asked', () => expect(niceTicks(0, 3, 5, true)).toEqual([0, 1, 2, 3]));
  it('gives a usable axis when every value is the same', () => expect(niceTicks(0, 0)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]));
  it('accepts its bounds in either order', () => expect(niceTicks(40, 0)).toEqual(niceTicks(0, 40)));
});
