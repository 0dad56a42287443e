import { describe, expect, it } from 'vitest';
import { resolveScale } from '../../src/shared/rating-scale';

describe('resolveScale()', () => {
  it('makes nps a 0 to 10 scale', () => {
    expect(resolveScale('nps')).toEqual({ min: 0, max: 10, preset: 'nps' });
  });

  it('makes csat a 1 to 5 scale', () => {
    expect(resolveScale('csat')).toEqual({ min: 1, max: 5, preset: 'csat' });
  });

  it('takes a custom scale with its own end labels as written', () => {
    expect(resolveScale({ min: 1, max: 7, min_label: 'Very hard', max_label: 'Very easy' })).toEqual({
      min: 1,
      max: 7,
      preset: 'custom',
      minLabel: 'Very hard',
      maxLabel: 'Very easy',
    });
  });

  it('leaves the end labels of a custom scale without them empty', () => {
    expect(resolveScale({ min: 0, max: 3 })).toEqual({ min: 0, max: 3, preset: 'custom', minLabel: undefined, maxLabel: undefined });
  });
});
