import { describe, expect, it } from 'vitest';
import type { LeagueJson, MeJson, OverviewJson, ResponseDetailJson, ResponseListJson } from '../../../src/shared/dashboard/dashboard-replies';
import { dashboardHarness, type DashboardHarness } from './dashboard-harness';

const nps = (score: number, site = 'newcastle', text = 'Fine') => ({
  answers: [{ question_id: 1, answer: score }, { question_id: 2, answer: text }],
  segments: { staff_code: 'luke', site_code: site },
});

async function json<T>(h: DashboardHarness, path: string): Promise<T> {
  const res = await h.get(path);
  expect(res.status, `${path}: ${res.status}`).toBe(200);
  return (await res.json()) as T;
}

/** Ten NPS responses this month in two sites and two CSAT ones, one NPS response last month. */
async function seeded() {
  const h = await dashboardHarness();
  await h.signIn();
  const scores = [10, 10, 9, 9, 8, 7, 6, 3, 10, 0];
  for (const [i, score] of scores.entries()) {
    await h.respond(`2026-11-${String(10 + i).padStart(2, '0')}T12:00:00Z`, nps(score, i % 2 ? 'leeds' : 'newcastle', `Reason ${i}`));
  }
  await h.respond('2026-11-15T09:00:00Z', { answers: [{ question_id: 11, answer: 5 }, { question_id: 12, answer: 6 }, { question_id: 13, answer: 'Email' }] }, true);
  await h.respond('2026-11-16T09:00:00Z', { answers: [{ question_id: 11, answer: 2 }, { question_id: 12, answer: 3 }, { question_id: 13, answer: 'Phone' }] }, true);
  await h.respond('2026-10-20T12:00:00Z', nps(0));
  return h;
}

describe('GET /dashboard/api/overview', () => {
  it('agrees with the v1 API’s /nps and /csat for the same period, and its trend adds up', async () => {
    const h = await seeded();
    const body = await json<OverviewJson>(h, '/overview?period=current_month&bucket=week');
    const v1Nps = await (await h.v1('/nps?period=current_month')).json();
    const v1Csat = await (await h.v1('/csat?period=current_month')).json();
    expect(body.nps.net_promoter_score).toBe(v1Nps.net_promoter_score);
    expect(body.nps.total_number_of_ratings).toBe(10);
    expect(body.csat.csat).toBe(v1Csat.csat);
    expect(body.responses).toEqual({ count: 12, previous: 1 });
    expect(body.range).toMatchObject({ first: '2026-11-01', last: '2026-11-23' });
    expect(body.trend.points.reduce((n, p) => n + p.responses, 0)).toBe(12);
    expect(body.trend.points.reduce((n, p) => n + p.nps_ratings, 0)).toBe(10);
    expect(body.trend.points[0]).toMatchObject({ first: '2026-11-01', last: '2026-11-01', responses: 0 });
  });

  it('compares with the same number of days just before', async () => {
    const h = await seeded();
    const body = await json<OverviewJson>(h, '/overview?from=2026-11-10&to=2026-11-14');
    expect(body.previous).toMatchObject({ first: '2026-11-05', last: '2026-11-09' });
    expect(body.responses).toEqual({ count: 5, previous: 0 });
    expect(body.nps.previous_score).toBeNull();
  });

  it('summarises every rating question, custom scales included', async () => {
    const h = await seeded();
    const body = await json<OverviewJson>(h, '/overview?period=current_month&survey_id=2166');
    expect(body.responses.count).toBe(2);
    expect(body.scores.map((s) => [s.question_id, s.scale, s.count, s.average])).toEqual([
      [11, 'csat', 2, 3.5],
      [12, 'custom', 2, 4.5],
    ]);
    expect(body.scores[1]?.counts).toEqual([0, 0, 1, 0, 0, 1, 0]);
  });

  it.each([
    ['period and from together', '/overview?period=7-days&from=2026-11-01&to=2026-11-02', 'period'],
    ['a date the calendar lacks', '/overview?from=2026-02-30&to=2026-03-02', 'from'],
    ['from after to', '/overview?from=2026-03-02&to=2026-03-01', 'from'],
    ['an unknown period', '/overview?period=fortnight', 'period'],
    ['another org’s survey', '/overview?survey_id=999', 'survey_id'],
    ['an unknown bucket', '/overview?bucket=hour', 'bucket'],
  ])('answers %s with a v1 422 naming the field', async (_, path, field) => {
    const h = await seeded();
    const res = await h.get(path);
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.message).toBe('Validation error');
    expect(body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });
});

describe('GET /dashboard/api/league', () => {
  it('ranks sites by NPS with their names, and hides those under the threshold', async () => {
    const h = await seeded();
    await h.app.request('/api/sites', {
      method: 'POST',
      headers: { Accept: 'application/vnd.customersure.v1+json', 'User-Agent': 't', Authorization: `Token token="${h.token}"`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ site_code: 'leeds', name: 'Leeds Trinity', region: 'Yorkshire' }),
    });
    const body = await json<LeagueJson>(h, '/league?period=current_month&dimension=site_code&min_responses=1');
    expect(body.rows.map((r) => [r.member, r.label, r.responses, r.nps])).toEqual([
      ['newcastle', 'newcastle', 5, 40],
      ['leeds', 'Leeds Trinity', 5, 0],
    ]);
    const strict = await json<LeagueJson>(h, '/league?period=current_month&dimension=site_code&min_responses=6');
    expect(strict.rows).toEqual([]);
    expect(strict.below_threshold).toBe(2);
  });

  it('ranks staff and custom segments alike, and lists them in /me', async () => {
    const h = await seeded();
    const staff = await json<LeagueJson>(h, '/league?period=current_month&dimension=staff_code&min_responses=0');
    expect(staff.rows).toMatchObject([{ member: 'luke', responses: 10 }]);
    const me = await json<MeJson>(h, '/me');
    expect(me.dimensions.map((d) => d.key).slice(0, 2)).toEqual(['site_code', 'staff_code']);
    expect(me.dimensions[0]?.members.map((m) => m.value).sort()).toEqual(['leeds', 'newcastle']);
  });
});

describe('GET /dashboard/api/responses', () => {
  it('lists newest first and pages with cursors through every match exactly once', async () => {
    const h = await seeded();
    const seen: number[] = [];
    let cursor: string | null = null;
    let total: number | null = null;
    do {
      const page: ResponseListJson = await json<ResponseListJson>(h, `/responses?period=current_month&limit=5${cursor ? `&cursor=${cursor}` : ''}`);
      total ??= page.total;
      seen.push(...page.items.map((i) => i.id));
      cursor = page.next_cursor;
    } while (cursor);
    expect(total).toBe(12);
    expect(new Set(seen).size).toBe(12);
    const first = await json<ResponseListJson>(h, '/responses?period=current_month&limit=2');
    expect(first.items.map((i) => i.submitted_at)).toEqual(['2026-11-19T12:00:00Z', '2026-11-18T12:00:00Z']);
    expect(first.items[0]).toMatchObject({ nps: 0, excerpt: 'Reason 9', site_code: 'leeds', customer_name: 'Mariner' });
  });

  it('filters by segment, score range and text', async () => {
    const h = await seeded();
    const leeds = await json<ResponseListJson>(h, '/responses?period=current_month&segment=site_code:leeds');
    expect(leeds.total).toBe(5);
    const detractors = await json<ResponseListJson>(h, '/responses?period=current_month&score_scale=nps&score_min=0&score_max=6');
    expect(detractors.items.map((i) => i.nps).sort()).toEqual([0, 3, 6]);
    expect(detractors.total).toBeNull();
    const text = await json<ResponseListJson>(h, '/responses?period=current_month&q=reason%207');
    expect(text.items.map((i) => i.excerpt)).toEqual(['Reason 7']);
  });

  it('refuses a forged cursor with a 422', async () => {
    const h = await seeded();
    expect((await h.get('/responses?cursor=AAAA')).status).toBe(422);
  });

  it('shows one response in full, with the org’s link for its reference', async () => {
    const h = await seeded();
    const [item] = (await json<ResponseListJson>(h, '/responses?period=current_month&limit=1')).items;
    const detail = await json<ResponseDetailJson>(h, `/responses/${item!.id}`);
    expect(detail.links).toEqual({ reference: 'https://crm.example/orders/INV-2090' });
    expect(detail.answers[0]).toMatchObject({ question_id: 1, answer: 0, min: 0, max: 10 });
    expect(detail.segments).toMatchObject({ site_code: 'leeds', staff_code: 'luke' });
    expect((await h.get('/responses/999999')).status).toBe(404);
  });
});

describe('exports', () => {
  it('streams the filter as CSV and as JSON, every matching row once', async () => {
    const h = await seeded();
    const csv = await h.get('/export.csv?period=current_month&segment=site_code:newcastle');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('Content-Disposition')).toBe('attachment; filename="responses-acme-2026-11-01-to-2026-11-23.csv"');
    const lines = (await csv.text()).trimEnd().split('\r\n');
    expect(lines).toHaveLength(1 + 5);
    const rows = await (await h.get('/export.json?period=current_month')).json();
    expect(rows).toHaveLength(12);
    expect(rows[0]).toMatchObject({ survey: { id: 1484 }, feedback_request_id: null });
  });
});

describe('GET /dashboard/api/events', () => {
  it('sends each new response of the org as it is stored', async () => {
    const h = await seeded();
    const res = await h.get('/events');
    expect(res.headers.get('Content-Type')).toMatch(/^text\/event-stream/);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const readUntil = async (needle: string) => {
      while (!text.includes(needle)) text += decoder.decode((await reader.read()).value);
    };
    await readUntil('event: ready');
    await h.respond('2026-11-23T09:59:00Z', nps(10, 'york', 'Live one'));
    await readUntil('Live one');
    expect(text).toMatch(/event: response\ndata: \{.*"excerpt":"Live one".*\}\nid: \d+\n/);
    await reader.cancel();
  });
});
