import { describe, expect, it } from 'vitest';
import { linearScale } from '../../../src/dashboard/charts/linear-scale';

describe('linearScale', () => {
  it('maps the ends of the domain onto the ends of the range', () => {
    const y = linearScale([0, 40], [100, 0]);
    expect(y(0)).toBe(100);
    expect(y(40)).toBe(0);
  });
  it('maps values in between proportionally, inverted for SVG’s downward y', () => expect(linearScale([-100, 100], [160, 0])(50)).toBe(40));
  it('extrapolates beyond the domain rather than clamping', () => expect(linearScale([0, 10], [0, 100])(12)).toBe(120));
  it('maps everything to the range’s start when the domain has no width', () => expect(linearScale([5, 5], [0, 100])(5)).toBe(0));
});
