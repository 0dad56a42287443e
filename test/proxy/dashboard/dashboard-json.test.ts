import { describe, expect, it } from 'vitest';
import { leagueJson } from '../../../src/proxy/dashboard/json/league-json';
import { scoreJson } from '../../../src/proxy/dashboard/json/score-json';
import { trendJson } from '../../../src/proxy/dashboard/json/trend-json';
import type { StatTotals } from '../../../src/proxy/store/stats-store';
import type { Survey } from '../../../src/shared/survey-schema';

const totals = (t: Partial<StatTotals>): StatTotals => ({ responses: 0, promoters: 0, passives: 0, detractors: 0, csat: [0, 0, 0, 0, 0], ...t });

describe('trendJson', () => {
  it('sums days into Monday weeks and keeps empty weeks as zeros', () => {
    const daily = [
      { day: '2026-11-23', totals: totals({ responses: 2, promoters: 2 }) },
      { day: '2026-11-10', totals: totals({ responses: 1, detractors: 1, csat: [0, 0, 0, 1, 0] }) },
      { day: '2026-11-29', totals: totals({ responses: 3, promoters: 1, passives: 1, detractors: 1 }) },
    ];
    const points = trendJson(daily, '2026-11-09', '2026-11-29', 'week');
    expect(points.map((p) => [p.first, p.responses, p.nps, p.csat])).toEqual([
      ['2026-11-09', 1, -100, 100],
      ['2026-11-16', 0, null, null],
      ['2026-11-23', 5, 40, null], // 3 promoters, 1 passive, 1 detractor
    ]);
  });

  it('ignores days outside the span', () => {
    const points = trendJson([{ day: '2026-12-01', totals: totals({ responses: 9 }) }], '2026-11-01', '2026-11-30', 'month');
    expect(points).toHaveLength(1);
    expect(points[0]?.responses).toBe(0);
  });
});

describe('leagueJson', () => {
  const label = (code: string) => ({ leeds: 'Leeds Trinity' })[code] ?? code;

  it('ranks by NPS, hides members under the threshold and counts them', () => {
    const { rows, below_threshold } = leagueJson(
      [
        { member: 'leeds', totals: totals({ responses: 10, promoters: 5, detractors: 5 }) },
        { member: 'york', totals: totals({ responses: 10, promoters: 9, passives: 1 }) },
        { member: 'tiny', totals: totals({ responses: 2, promoters: 2 }) },
        { member: 'csat-only', totals: totals({ responses: 6, csat: [0, 0, 1, 2, 3] }) },
      ],
      label,
      5,
    );
    expect(rows.map((r) => [r.label, r.nps, r.csat])).toEqual([
      ['york', 90, null],
      ['Leeds Trinity', 0, null],
      ['csat-only', null, 83],
    ]);
    expect(below_threshold).toBe(1);
  });
});

describe('scoreJson', () => {
  const survey = {
    id: 7,
    name: 'Support',
    questions: [
      { id: 1, question: 'Effort?', answer_type: 'Rating', scale: { min: 1, max: 7, min_label: 'Hard', max_label: 'Easy' }, required: false },
      { id: 2, question: 'Why?', answer_type: 'Text', required: false, multiline: true, max_length: 100 },
    ],
  } as unknown as Survey;

  it('gives each rating question its distribution and a two-decimal average', () => {
    const [score] = scoreJson([survey], [
      { survey_id: 7, question_id: 1, value: 7, n: 2 },
      { survey_id: 7, question_id: 1, value: 2, n: 1 },
      { survey_id: 7, question_id: 1, value: 9, n: 5 },
    ]);
    expect(score).toMatchObject({ question: 'Effort?', scale: 'custom', min: 1, max: 7, min_label: 'Hard', count: 3, average: 5.33, counts: [0, 1, 0, 0, 0, 0, 2] });
  });

  it('reports a question nobody answered with no average', () => {
    expect(scoreJson([survey], [])[0]).toMatchObject({ count: 0, average: null });
  });
});
