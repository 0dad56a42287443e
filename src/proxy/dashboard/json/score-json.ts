import type { ScoreSummaryJson } from '../../../shared/dashboard/dashboard-replies';
import { resolveScale } from '../../../shared/rating-scale';
import type { Survey } from '../../../shared/survey-schema';

/**
 * One summary per Rating question of the surveys in view, in survey then question
 * order: how many answered, the average (two decimals) and the count of each value.
 * A counted value outside the question's scale (from an older survey file) is left
 * out of the distribution and the average alike. Pure.
 */
export function scoreJson(surveys: readonly Survey[], rows: readonly { survey_id: number; question_id: number; value: number; n: number }[]): ScoreSummaryJson[] {
  const counted = new Map<string, Map<number, number>>();
  for (const r of rows) {
    const key = `${r.survey_id}:${r.question_id}`;
    const values = counted.get(key) ?? new Map<number, number>();
    values.set(Number(r.value), (values.get(Number(r.value)) ?? 0) + Number(r.n));
    counted.set(key, values);
  }
  const out: ScoreSummaryJson[] = [];
  for (const survey of surveys) {
    for (const q of survey.questions) {
      if (q.answer_type !== 'Rating') continue;
      const scale = resolveScale(q.scale);
      const values = counted.get(`${survey.id}:${q.id}`) ?? new Map<number, number>();
      const counts = Array.from({ length: scale.max - scale.min + 1 }, (_, i) => values.get(scale.min + i) ?? 0);
      const count = counts.reduce((a, b) => a + b, 0);
      const sum = counts.reduce((a, n, i) => a + n * (scale.min + i), 0);
      out.push({
        survey_id: survey.id,
        question_id: q.id,
        question: q.question,
        scale: scale.preset,
        min: scale.min,
        max: scale.max,
        ...(scale.minLabel !== undefined && { min_label: scale.minLabel }),
        ...(scale.maxLabel !== undefined && { max_label: scale.maxLabel }),
        count,
        average: count === 0 ? null : Math.round((sum / count) * 100) / 100,
        counts,
      });
    }
  }
  return out;
}
