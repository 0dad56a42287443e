import { describe, expect, it } from 'vitest';
import { apiHarness } from './api-fixtures';

describe('GET /api/feedback_responses/:id', () => {
  it('answers the seed’s shape: fields with blanks as null, answers as strings, UTC timestamps without milliseconds', async () => {
    const api = await apiHarness();
    const id = await api.respond('2026-11-20T09:30:15.250+01:00', {
      customer: { name: 'Kate', email: 'kate@example.com' },
      segments: { staff_code: 'luke', account_type: 'gold' },
      metadata: { reference: '#1041', machine_id: '8736245', ticket_date: '20th Aug 2023' },
    });
    const res = await api.get(`/feedback_responses/${id}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      id,
      reference: '#1041',
      machine_id: '8736245',
      fields: {
        name: 'Kate',
        email: 'kate@example.com',
        telephone_number: null,
        company_name: null,
        postcode: null,
        staff_code: 'luke',
        account_type: 'gold',
        ticket_date: '20th Aug 2023',
      },
      answers: [
        { question_id: 1, question: 'How likely are you to recommend Acme to a friend or colleague?', answer: '9', type: 'Rating' },
        { question_id: 2, question: 'What is the main reason for your score?', answer: 'Quick delivery', type: 'Text' },
      ],
      submitted_at: '2026-11-20T08:30:15Z',
      updated_at: '2026-11-20T08:30:15Z',
      feedback_request: null,
      survey: { id: 1484, name: 'Post-purchase NPS' },
      verified: false,
    });
  });

  it('joins checkbox choices into one string answer', async () => {
    const api = await apiHarness();
    const id = await api.respond('2026-11-20T09:00:00Z', { answers: [{ question_id: 11, answer: 5 }, { question_id: 13, answer: 'Email' }, { question_id: 15, answer: ['Knowledge', 'Follow-up'] }] }, true);
    const body = await (await api.get(`/feedback_responses/${id}`)).json();
    expect(body.answers.map((a: { answer: string }) => a.answer)).toEqual(['5', 'Email', 'Knowledge, Follow-up']);
  });

  it.each(['999', '0', 'abc', '1.5', '-1'])('answers 404 for id %s', async (id) => {
    const api = await apiHarness();
    await api.respond('2026-11-20T09:00:00Z');
    const res = await api.get(`/feedback_responses/${id}`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ message: expect.any(String) });
  });
});

describe('GET /api/feedback_responses', () => {
  it('lists newest first with the seed’s pagination headers', async () => {
    const api = await apiHarness();
    const ids: number[] = [];
    for (let day = 1; day <= 5; day += 1) ids.push(await api.respond(`2026-11-0${day}T12:00:00Z`));
    const res = await api.get('/feedback_responses?per_page=2&page=2');
    expect(res.status).toBe(200);
    expect((await res.json()).map((r: { id: number }) => r.id)).toEqual([ids[2], ids[1]]);
    expect(res.headers.get('X-Total-Count')).toBe('5');
    expect(res.headers.get('X-Total-Pages')).toBe('3');
    const base = 'http://localhost/api/feedback_responses?per_page=2&page=';
    expect(res.headers.get('Link')).toBe(`<${base}1>; rel="first", <${base}1>; rel="prev", <${base}3>; rel="next", <${base}3>; rel="last"`);
  });

  it('answers an empty page past the end with the same headers', async () => {
    const api = await apiHarness();
    await api.respond('2026-11-01T12:00:00Z');
    const res = await api.get('/feedback_responses?page=9');
    expect(await res.json()).toEqual([]);
    expect(res.headers.get('X-Total-Count')).toBe('1');
    expect(res.headers.get('X-Total-Pages')).toBe('1');
    expect(res.headers.get('Link')).toContain('page=1>; rel="prev"');
  });

  it('answers an empty org with zero counts and a first and last link', async () => {
    const res = await (await apiHarness()).get('/feedback_responses');
    expect(await res.json()).toEqual([]);
    expect(res.headers.get('X-Total-Count')).toBe('0');
    expect(res.headers.get('X-Total-Pages')).toBe('0');
    expect(res.headers.get('Link')).toBe('<http://localhost/api/feedback_responses?page=1>; rel="first", <http://localhost/api/feedback_responses?page=1>; rel="last"');
  });

  it('defaults to 30 a page and allows up to 100', async () => {
    const api = await apiHarness();
    for (let i = 0; i < 31; i += 1) await api.respond(`2026-11-01T12:00:${String(i).padStart(2, '0')}Z`);
    expect(await (await api.get('/feedback_responses')).json()).toHaveLength(30);
    expect(await (await api.get('/feedback_responses?per_page=100')).json()).toHaveLength(31);
  });

  it.each([
    ['per_page=101', 'per_page'],
    ['per_page=0', 'per_page'],
    ['page=0', 'page'],
    ['page=two', 'page'],
    ['created_since=yesterday', 'created_since'],
    ['updated_since=2023-02-30', 'updated_since'],
    ['survey_ids[]=abc', 'survey_ids[]'],
    ['site_ids[]=-4', 'site_ids[]'],
  ])('refuses %s with a 422 naming %s', async (query, field) => {
    const res = await (await apiHarness()).get(`/feedback_responses?${query}`);
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.message).toBe('Validation error');
    expect(body.errors).toEqual([expect.objectContaining({ resource: '/feedback_responses', field })]);
  });

  it('filters by created_since and updated_since, reading timestamps in any zone and UTC without one', async () => {
    const api = await apiHarness();
    const early = await api.respond('2026-11-01T09:00:00Z');
    const late = await api.respond('2026-11-02T09:00:00Z');
    const ids = async (q: string) => (await (await api.get(`/feedback_responses?${q}`)).json()).map((r: { id: number }) => r.id);
    expect(await ids('created_since=2026-11-01T09:00:01')).toEqual([late]);
    expect(await ids('created_since=2026-11-01T10:00:00%2B01:00')).toEqual([late, early]);
    // The seed's own offset format, pasted unencoded: the + arrives as a space.
    expect(await ids('created_since=2026-11-02T10:00:00+0100')).toEqual([late]);
    expect(await ids('updated_since=2026-11-02')).toEqual([late]);
    expect(await ids('created_since=2026-12-01T00:00Z')).toEqual([]);
  });

  it('filters by email, exactly and whatever its case', async () => {
    const api = await apiHarness();
    const kate = await api.respond('2026-11-01T09:00:00Z', { customer: { email: 'Kate@Example.com' } });
    await api.respond('2026-11-01T10:00:00Z', { customer: { email: 'kate@example.co' } });
    const res = await api.get('/feedback_responses?email=kate%40example.COM');
    expect((await res.json()).map((r: { id: number }) => r.id)).toEqual([kate]);
    expect(res.headers.get('X-Total-Count')).toBe('1');
  });

  it('filters by survey_ids[], one or several, and counts what it matches', async () => {
    const api = await apiHarness();
    const nps = await api.respond('2026-11-01T09:00:00Z');
    const csat = await api.respond('2026-11-01T10:00:00Z', {}, true);
    const ids = async (q: string) => (await (await api.get(`/feedback_responses?${q}`)).json()).map((r: { id: number }) => r.id);
    expect(await ids('survey_ids[]=1484')).toEqual([nps]);
    expect(await ids('survey_ids[]=1484&survey_ids[]=2166')).toEqual([csat, nps]);
    expect(await ids('survey_ids=2166')).toEqual([csat]);
    expect(await ids('survey_ids[]=42')).toEqual([]);
    expect((await api.get('/feedback_responses?survey_ids[]=2166')).headers.get('X-Total-Count')).toBe('1');
  });

  it('filters by site_ids[] and staff_ids[], linking responses that arrived before the site or staff member existed', async () => {
    const api = await apiHarness();
    const before = await api.respond('2026-11-01T09:00:00Z', { segments: { site_code: 'leeds', staff_code: 'luke' }, answers: [{ question_id: 1, answer: 9 }] });
    const site = await (await api.send('POST', '/sites', { site_code: 'leeds', name: 'Leeds', region: 'Yorkshire' })).json();
    const staff = await (await api.send('POST', '/staff', { code: 'luke', first_name: 'Luke' })).json();
    const after = await api.respond('2026-11-02T09:00:00Z', { segments: { site_code: 'leeds' }, answers: [{ question_id: 1, answer: 9 }] });
    await api.respond('2026-11-03T09:00:00Z', { segments: { site_code: 'york' }, answers: [{ question_id: 1, answer: 9 }] });
    const ids = async (q: string) => (await (await api.get(`/feedback_responses?${q}`)).json()).map((r: { id: number }) => r.id);
    expect(await ids(`site_ids[]=${site.id}`)).toEqual([after, before]);
    expect(await ids(`staff_ids[]=${staff.id}`)).toEqual([before]);
    expect(await ids(`site_ids[]=${site.id}&staff_ids[]=${staff.id}`)).toEqual([before]);
    expect((await api.get(`/feedback_responses?site_ids[]=${site.id}`)).headers.get('X-Total-Count')).toBe('2');
  });

  it('keeps old feedback on its site when the site’s code changes', async () => {
    const api = await apiHarness();
    const site = await (await api.send('POST', '/sites', { site_code: 'leeds', name: 'Leeds', region: 'Yorkshire' })).json();
    const old = await api.respond('2026-11-01T09:00:00Z', { segments: { site_code: 'leeds' }, answers: [{ question_id: 1, answer: 9 }] });
    await api.send('PATCH', `/sites/${site.id}`, { site_code: 'leeds-central' });
    const renamed = await api.respond('2026-11-02T09:00:00Z', { segments: { site_code: 'leeds-central' }, answers: [{ question_id: 1, answer: 9 }] });
    await api.respond('2026-11-03T09:00:00Z', { segments: { site_code: 'leeds' }, answers: [{ question_id: 1, answer: 9 }] });
    const ids = (await (await api.get(`/feedback_responses?site_ids[]=${site.id}`)).json()).map((r: { id: number }) => r.id);
    expect(ids).toEqual([renamed, old]);
  });
});
