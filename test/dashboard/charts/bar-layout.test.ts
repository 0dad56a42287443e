import { describe, expect, it } from 'vitest';
import { barLayout } from '../../../src/dashboard/charts/bar-layout';

describe('barLayout', () => {
  it('centres each bar in an equal band with a gap around it', () =>
    expect(barLayout(2, 0, 100, 0.2)).toEqual([
      { x: 5, width: 40, center: 25 },
      { x: 55, width: 40, center: 75 },
    ]));
  it('fills the band when there is no gap', () => expect(barLayout(4, 0, 100, 0).map((b) => b.x)).toEqual([0, 25, 50, 75]));
  it('starts where the axis starts', () => expect(barLayout(1, 10, 20, 0)[0]).toEqual({ x: 10, width: 10, center: 15 }));
  it('lays out nothing for no bars', () => expect(barLayout(0, 0, 100)).toEqual([]));
});
