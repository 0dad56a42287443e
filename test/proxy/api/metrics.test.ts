import { describe, expect, it } from 'vitest';
import { DATE_PERIODS } from '../../../src/shared/periods/date-periods';
import { apiHarness, type ApiHarness } from './api-fixtures';

const nps = (score: number) => ({ answers: [{ question_id: 1, answer: score }] });
const csat = (score: number, email = 'ops@example.com') => ({ answers: [{ question_id: 11, answer: score }, { question_id: 13, answer: 'Email' }], customer: { email } });

async function json(api: ApiHarness, path: string) {
  const res = await api.get(path);
  expect(res.status).toBe(200);
  return res.json();
}

describe('GET /api/nps', () => {
  it('counts promoters, passives and detractors into a consistent score', async () => {
    const api = await apiHarness();
    for (const score of [10, 9, 9, 8, 7, 6, 0]) await api.respond('2026-11-20T09:00:00Z', nps(score));
    expect(await json(api, '/nps')).toEqual({
      net_promoter_score: 14, // (3 - 2) / 7 = 14.3%
      promoter_count: 3,
      passive_count: 2,
      detractor_count: 2,
      total_number_of_ratings: 7,
      from_time: '2026-10-23T23:00:00Z', // midnight in London, still on summer time
      to_time: '2026-11-23T10:00:00Z',
    });
  });

  it('defaults to midnight 30 days ago until now, in the org’s time zone, and has a null score without ratings', async () => {
    const api = await apiHarness();
    await api.respond('2026-10-23T22:59:59Z', nps(0)); // before midnight (BST) 30 days ago: not counted
    await api.respond('2026-10-23T23:00:00Z', nps(10));
    expect(await json(api, '/nps')).toMatchObject({ net_promoter_score: 100, total_number_of_ratings: 1 });
    expect(await json(api, '/nps?from_time=2026-11-01')).toMatchObject({ net_promoter_score: null, total_number_of_ratings: 0 });
  });

  it('takes from_time and to_time in any zone, both inclusive', async () => {
    const api = await apiHarness();
    await api.respond('2026-11-10T12:00:00Z', nps(10));
    await api.respond('2026-11-11T12:00:00Z', nps(0));
    expect(await json(api, '/nps?from_time=2026-11-10T13:00:00%2B01:00&to_time=2026-11-10T12:00Z')).toMatchObject({ promoter_count: 1, total_number_of_ratings: 1 });
    expect(await json(api, '/nps?from_time=2026-01-01&to_time=2026-12-31T23:59:59Z')).toMatchObject({ net_promoter_score: 0, total_number_of_ratings: 2 });
  });

  it('lets period win over from_time and to_time, computed in the org’s time zone (Europe/London in summer)', async () => {
    const api = await apiHarness();
    api.clock.now = new Date('2026-07-15T10:00:00Z');
    await api.respond('2026-07-13T22:30:00Z', nps(0)); // 23:30 BST on the 13th
    await api.respond('2026-07-13T23:30:00Z', nps(10)); // 00:30 BST on the 14th: yesterday in London
    await api.respond('2026-07-14T22:30:00Z', nps(9)); // 23:30 BST on the 14th
    await api.respond('2026-07-14T23:30:00Z', nps(0)); // today in London
    const body = await json(api, '/nps?period=yesterday&from_time=2020-01-01&to_time=2020-01-02');
    expect(body).toEqual({
      net_promoter_score: 100,
      promoter_count: 2,
      passive_count: 0,
      detractor_count: 0,
      total_number_of_ratings: 2,
      from_time: '2026-07-13T23:00:00Z',
      to_time: '2026-07-14T22:59:59Z',
    });
  });

  it.each(DATE_PERIODS)('answers period=%s', async (period) => {
    const api = await apiHarness();
    const body = await json(api, `/nps?period=${period}`);
    expect(body.total_number_of_ratings).toBe(0);
    expect(Date.parse(body.from_time)).toBeLessThanOrEqual(Date.parse(body.to_time));
  });

  it('narrows by survey_ids[], site_ids[], staff_ids[] and company_name (case-insensitive, contains)', async () => {
    const api = await apiHarness();
    const site = await (await api.send('POST', '/sites', { site_code: 'leeds', name: 'Leeds', region: 'Yorkshire' })).json();
    const staff = await (await api.send('POST', '/staff', { code: 'luke', first_name: 'Luke' })).json();
    await api.respond('2026-11-20T09:00:00Z', { ...nps(10), segments: { site_code: 'leeds', staff_code: 'luke' }, customer: { company_name: 'Cyberdyne Systems' } });
    await api.respond('2026-11-20T09:00:00Z', { ...nps(0), segments: { site_code: 'leeds' }, customer: { company_name: 'Acme 100% Ltd' } });
    await api.respond('2026-11-20T09:00:00Z', { ...nps(8), segments: {} });
    const total = async (q: string) => (await json(api, `/nps?${q}`)).total_number_of_ratings;
    expect(await total('')).toBe(3);
    expect(await total('survey_ids[]=1484')).toBe(3);
    expect(await total('survey_ids[]=2166')).toBe(0);
    expect(await total(`site_ids[]=${site.id}`)).toBe(2);
    expect(await total(`site_ids=${site.id}`)).toBe(2);
    expect(await total(`staff_ids[]=${staff.id}`)).toBe(1);
    expect(await total('company_name=cyber')).toBe(1);
    expect(await total('company_name=SYSTEMS')).toBe(1);
    expect(await total('company_name=100%25')).toBe(1); // % is a literal here, not a wildcard
    expect(await total('company_name=_')).toBe(0);
  });

  it('counts only ratings on the nps scale, never CSAT or custom scales', async () => {
    const api = await apiHarness();
    await api.respond('2026-11-20T09:00:00Z', { answers: [{ question_id: 11, answer: 5 }, { question_id: 12, answer: 7 }, { question_id: 13, answer: 'Email' }] }, true);
    expect((await json(api, '/nps')).total_number_of_ratings).toBe(0);
  });

  it.each([
    ['period=last_fortnight', 'period', 'invalid_value'],
    ['from_time=31/12/2026', 'from_time', 'invalid_date'],
    ['to_time=2026-13-01', 'to_time', 'invalid_date'],
    ['from_time=2026-11-10&to_time=2026-11-01', 'to_time', 'invalid_date'],
    ['staff_ids[]=x', 'staff_ids[]', 'invalid_value'],
  ])('refuses %s with a 422 on %s', async (query, field, error) => {
    const res = await (await apiHarness()).get(`/nps?${query}`);
    expect(res.status).toBe(422);
    expect((await res.json()).errors).toEqual([expect.objectContaining({ resource: '/nps', field, error })]);
  });

  it('lists the 18 periods as the allowed values of a wrong one', async () => {
    const { errors } = await (await (await apiHarness()).get('/csat?period=week')).json();
    expect(errors[0].extra_info.allowed_values).toEqual([...DATE_PERIODS]);
  });
});

describe('GET /api/csat', () => {
  it('counts each of the five ratings and the percent of 4s and 5s, as the seed’s example', async () => {
    const api = await apiHarness();
    for (const score of [1, 4, 4, 5, 5, 5, 5, 5, 5, 5]) await api.respond('2026-11-20T09:00:00Z', csat(score), true);
    expect(await json(api, '/csat')).toEqual({
      csat: 90,
      very_negative_count: 1,
      negative_count: 0,
      neutral_count: 0,
      positive_count: 2,
      very_positive_count: 7,
      total_number_of_ratings: 10,
      from_time: '2026-10-23T23:00:00Z', // midnight in London, still on summer time
      to_time: '2026-11-23T10:00:00Z',
    });
  });

  it('has a null score without ratings', async () => {
    expect(await json(await apiHarness(), '/csat')).toMatchObject({ csat: null, total_number_of_ratings: 0 });
  });

  it('narrows by site, counting a site created after its feedback', async () => {
    const api = await apiHarness();
    await api.respond('2026-11-20T09:00:00Z', { ...csat(2), segments: { site_code: 'hq' } }, true);
    await api.respond('2026-11-20T09:00:00Z', csat(5), true);
    const site = await (await api.send('POST', '/sites', { site_code: 'hq', name: 'HQ', region: 'North' })).json();
    expect(await json(api, `/csat?site_ids[]=${site.id}`)).toMatchObject({ csat: 0, negative_count: 1, total_number_of_ratings: 1 });
  });
});
