import type { RatingScale } from './survey-schema';

export interface ResolvedScale {
  min: number;
  max: number;
  /** Which preset it came from, so the widget can pick default end labels. */
  preset: 'nps' | 'csat' | 'custom';
  minLabel?: string;
  maxLabel?: string;
}

/**
 * Turns a scale as written in a survey file into its numeric range.
 *
 * @example
 * resolveScale('nps') // { min: 0, max: 10, preset: 'nps' }
 */
export function resolveScale(scale: RatingScale): ResolvedScale {
  if (scale === 'nps') return { min: 0, max: 10, preset: 'nps' };
  if (scale === 'csat') return { min: 1, max: 5, preset: 'csat' };
  return { min: scale.min, max: scale.max, preset: 'custom', minLabel: scale.min_label, maxLabel: scale.max_label };
}
