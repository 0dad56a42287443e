import { describe, expect, it } from 'vitest';
import { linePath } from '../../../src/dashboard/charts/line-path';

describe('linePath', () => {
  it('moves to the first point and draws lines to the rest', () => expect(linePath([{ x: 0, y: 10 }, { x: 5, y: 0 }, { x: 10, y: 5 }])).toBe('M0 10L5 0L10 5'));
  it('breaks the line over a missing value instead of bridging it', () => expect(linePath([{ x: 0, y: 10 }, { x: 5, y: 0 }, null, { x: 15, y: 5 }])).toBe('M0 10L5 0M15 5'));
  it('rounds to two decimals to keep the markup short', () => expect(linePath([{ x: 1 / 3, y: 2 / 3 }])).toBe('M0.33 0.67'));
  it('draws nothing when every value is missing', () => expect(linePath([null, null])).toBe(''));
});
