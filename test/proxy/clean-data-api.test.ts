import { describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../src/shared/error-body';
import { apiHarness, type ApiHarness } from './api/api-fixtures';

const HQ = { site_code: 'hq', name: 'Head Office', region: 'North' };
const message = (name: string) => expect.stringMatching(new RegExp(`^must not contain ${name.replace('+', '\\+')} \\(at character \\d+\\)$`));

async function refused(res: Response): Promise<ErrorBody['errors']> {
  expect(res.status).toBe(422);
  return ((await res.json()) as ErrorBody).errors;
}

/** A feedback request the API takes, with `overrides`. */
function request(api: ApiHarness, overrides: Record<string, unknown>) {
  return api.send('POST', '/feedback_requests', { email: 'ann@example.com', send_at: api.clock.now.toISOString(), survey_id: 1484, email_template_id: 10, ...overrides });
}

describe('the v1 API stores only clean text', () => {
  it('refuses a site whose name holds a right-to-left override, naming the field and the character', async () => {
    const api = await apiHarness();
    expect(await refused(await api.send('POST', '/sites', { ...HQ, name: 'Head \u202EOffice' }))).toEqual([
      { resource: '/sites', field: 'name', error: 'invalid_value', extra_info: { message: 'must not contain U+202E RIGHT-TO-LEFT OVERRIDE (at character 6)' } },
    ]);
    expect(await (await api.get('/sites')).json()).toEqual([]);
  });

  it('refuses a site patched with a NUL in its city', async () => {
    const api = await apiHarness();
    await api.send('POST', '/sites', HQ);
    const errors = await refused(await api.send('PATCH', '/sites/hq', { city: 'Leeds\u0000' }));
    expect(errors).toEqual([expect.objectContaining({ field: 'city', extra_info: { message: message('U+0000 NULL') } })]);
  });

  it('refuses a staff member whose name holds an escape character, or whose email a bidi isolate', async () => {
    const api = await apiHarness();
    const errors = await refused(await api.send('POST', '/staff', { code: 'luke', first_name: 'Luke\u001b[2J', email: 'luke\u2066@acme.example' }));
    expect(errors?.map((e) => [e.field, e.extra_info.message])).toEqual([
      ['first_name', message('U+001B ESCAPE')],
      ['email', message('U+2066 LEFT-TO-RIGHT ISOLATE')],
    ]);
  });

  it('refuses a feedback request with a control character in a name, a lone surrogate in a data value or a C1 control in a data key', async () => {
    const api = await apiHarness();
    const res = await request(api, { first_name: 'Ann\u0007', data: [{ key: 'plan', value: 'Growth\uD800' }, { key: 'site\u0085', value: 'leeds' }] });
    expect((await refused(res))?.map((e) => [e.field, e.extra_info.message])).toEqual([
      ['first_name', message('U+0007 BELL')],
      ['data.0.value', message('U+D800 LONE SURROGATE')],
      ['data.1.key', message('U+0085 C1 CONTROL CHARACTER')],
    ]);
  });

  it('refuses a webhook endpoint whose description holds a non-character', async () => {
    const api = await apiHarness();
    const res = await api.send('POST', '/webhook_endpoints', { url: 'https://hooks.acme.example/in', events: ['response.created'], description: 'Ours\uFFFF' });
    expect(await refused(res)).toEqual([expect.objectContaining({ field: 'description', extra_info: { message: message('U+FFFF NONCHARACTER') } })]);
  });

  it('takes Arabic and Hebrew text with its ordinary direction marks, and emoji', async () => {
    const api = await apiHarness();
    const res = await api.send('POST', '/sites', { ...HQ, name: 'مكتب\u200F الرياض 🏢', city: 'תל אביב\u200E' });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ name: 'مكتب\u200F الرياض 🏢', city: 'תל אביב\u200E' });
  });
});

describe('a review Securating relays', () => {
  it('is stored without the characters no stored text may hold, keeping the rest: the robots cannot correct it', async () => {
    const api = await apiHarness();
    const created = await request(api, { external_link: true, first_name: 'Ann' });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: number };
    const token = (await api.store.feedbackRequests.find('acme', id))!.row.callback_token;
    const comment = Buffer.from('Très\u0000 bien \u202Emerci\u202C 👍', 'utf8').toString('base64');
    const res = await api.app.request(`/relay/securating/${token}?step=review-saved&rating=9&comment=${encodeURIComponent(comment)}`);
    expect(await res.text()).toBe('ok');
    const [response] = (await (await api.get('/feedback_responses')).json()) as { answers: { question_id: number; answer: string }[] }[];
    expect(response?.answers.find((a) => a.question_id === 2)?.answer).toBe('Très bien merci 👍');
  });
});
