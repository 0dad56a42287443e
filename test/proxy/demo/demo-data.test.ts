import { beforeAll, describe, expect, it } from 'vitest';
import templates from '../../../demo/surveys/acme/_templates.json';
import { demoDataset } from '../../../scripts/demo/demo-data';
import { countRatings } from '../../../src/shared/metrics/rating-counts';
import { npsResult } from '../../../src/shared/metrics/nps';
import { ResponsePayloadSchema, type StoredResponse } from '../../../src/shared/response-schema';
import { demoApp } from './demo-app';

const NOW = new Date('2026-03-10T12:00:00.000Z');
const DAY_MS = 86_400_000;
const dataset = demoDataset(NOW);

/** The NPS of the stored post-purchase responses `keep` selects. */
function npsOf(stored: StoredResponse[], keep: (r: StoredResponse) => boolean): number {
  const ratings = stored.filter((r) => r.survey === 'post-purchase' && keep(r)).map((r) => r.answers.find((a) => a.question_id === 1)?.answer as number);
  return npsResult(countRatings(ratings)).net_promoter_score ?? NaN;
}

const textAnswers = dataset.responses.flatMap((r) => r.answers.filter((a) => a.question_id === 2 || a.question_id === 16).map((a) => String(a.answer)));

describe('demoDataset()', () => {
  it('draws the same dataset for the same moment and seed, and another for another seed', () => {
    expect(demoDataset(NOW)).toEqual(dataset);
    expect(demoDataset(NOW, { seed: 7 }).responses[0]?.id).not.toBe(dataset.responses[0]?.id);
  });

  it('has acme’s four sites and six staff, each a body the sites and staff APIs accept', () => {
    expect(dataset.sites.map((s) => s.site_code)).toEqual(['newcastle', 'leeds', 'online', 'york']);
    expect(dataset.sites.find((s) => s.site_code === 'york')).toEqual({ site_code: 'york', name: 'York Minster Gate', city: 'York', region: 'Yorkshire', site_type: 'Store' });
    expect(dataset.staff.map((s) => s.code)).toEqual(['luke', 'amara', 'jon', 'priya', 'sam', 'ines']);
  });

  it('has 1,200 responses, about 70% post-purchase, each a valid POST /v1/responses body', () => {
    expect(dataset.responses).toHaveLength(1200);
    const share = dataset.responses.filter((r) => r.survey === 'post-purchase').length / 1200;
    expect(share).toBeGreaterThan(0.65);
    expect(share).toBeLessThan(0.75);
    expect(dataset.responses.filter((r) => !ResponsePayloadSchema.safeParse(r).success)).toEqual([]);
    expect(new Set(dataset.responses.map((r) => r.id)).size).toBe(1200);
  });

  it('dates every response in the 120 days before now, oldest first, weekdays busier than weekends', () => {
    const times = dataset.responses.map((r) => Date.parse(r.submitted_at));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(NOW.getTime() - 120 * DAY_MS);
    expect(Math.max(...times)).toBeLessThan(NOW.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const perDay = (days: number[]) => times.filter((t) => days.includes(new Date(t).getUTCDay())).length / days.length;
    expect(perDay([1, 2, 3, 4, 5])).toBeGreaterThan(1.5 * perDay([0, 6]));
  });

  it('keeps to a shorter window and a smaller count when asked', () => {
    const small = demoDataset(NOW, { responses: 50, days: 7 });
    expect(small.responses).toHaveLength(50);
    expect(small.responses.every((r) => Date.parse(r.submitted_at) >= NOW.getTime() - 7 * DAY_MS)).toBe(true);
  });

  it('answers half the text questions, a few in French, German, Arabic and Japanese, some over several lines', () => {
    const texts = textAnswers.length / 1200;
    expect(texts).toBeGreaterThan(0.45);
    expect(texts).toBeLessThan(0.65);
    for (const script of [/[àâçéèêëîïôûù]/, /[äöüß]/, /[\u0600-\u06ff]/, /[\u3040-\u30ff\u4e00-\u9fff]/]) {
      expect(textAnswers.some((t) => script.test(t))).toBe(true);
    }
    expect(textAnswers.filter((t) => t.includes('\n')).length).toBeGreaterThan(10);
    expect(new Set(textAnswers).size).toBeGreaterThan(40);
  });

  it('includes the answers a naive CSV export would break on: quotes, commas and a formula', () => {
    expect(textAnswers.filter((t) => t.includes('"') && t.includes(','))).toHaveLength(1);
    expect(textAnswers.filter((t) => t.startsWith('=cmd'))).toHaveLength(1);
  });

  it('has 40 invitations to different people, sent now or within half an hour with a template of acme’s', () => {
    const requests = dataset.feedbackRequests;
    expect(requests).toHaveLength(40);
    expect(new Set(requests.map((r) => r.email)).size).toBe(40);
    const templateIds = templates.email_templates.map((t) => t.id);
    for (const request of requests) {
      expect([1484, 2166]).toContain(request.survey_id);
      expect(templateIds).toContain(request.email_template_id);
      const at = Date.parse(request.send_at);
      expect(at - NOW.getTime()).toBeGreaterThanOrEqual(0);
      expect(at - NOW.getTime()).toBeLessThanOrEqual(30 * 60_000);
      expect(request.data?.map((d) => d.key)).toEqual(expect.arrayContaining(['site_code', 'reference']));
    }
  });
});

describe('the demo dataset posted through the proxy', () => {
  const stored: StoredResponse[] = [];
  const refused: string[] = [];

  beforeAll(async () => {
    const app = await demoApp(NOW);
    for (const body of dataset.responses) {
      const res = await app.request('/v1/responses', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      if (res.status === 201) stored.push((await res.json()) as StoredResponse);
      else refused.push(`${res.status} ${await res.text()} for ${JSON.stringify(body)}`);
    }
  });

  it('is accepted whole by the demo surveys (201 for every response)', () => {
    expect(refused).toEqual([]);
    expect(stored).toHaveLength(1200);
  });

  it('names a site for every post-purchase response, from the page or the store dropdown', () => {
    expect(stored.filter((r) => r.survey === 'post-purchase' && !r.segments.site_code)).toEqual([]);
  });

  it('tells a league story: Leeds Trinity’s NPS is at least 20 points below every other site’s', () => {
    const leeds = npsOf(stored, (r) => r.segments.site_code === 'leeds');
    for (const site of ['newcastle', 'online', 'york']) {
      expect(npsOf(stored, (r) => r.segments.site_code === site)).toBeGreaterThanOrEqual(leeds + 20);
    }
  });

  it('shows NPS climbing: the last 30 days score higher than the 90 before', () => {
    const recent = (r: StoredResponse) => Date.parse(r.submitted_at) >= NOW.getTime() - 30 * DAY_MS;
    expect(npsOf(stored, recent)).toBeGreaterThanOrEqual(npsOf(stored, (r) => !recent(r)) + 5);
  });
});
