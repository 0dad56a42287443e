import { describe, expect, it } from 'vitest';
import { apiHarness } from './api-fixtures';

const HQ = { site_code: 'hq', name: 'Head Office', city: 'Newcastle', region: 'Tyne and Wear' };

describe('sites', () => {
  it('are created with a 201, a Location and the seed’s shape, ids as strings and blanks as null', async () => {
    const api = await apiHarness();
    const res = await api.send('POST', '/sites', HQ);
    expect(res.status).toBe(201);
    const site = await res.json();
    expect(site).toEqual({ id: expect.stringMatching(/^\d+$/), site_code: 'hq', name: 'Head Office', city: 'Newcastle', region: 'Tyne and Wear', site_type: null });
    expect(res.headers.get('Location')).toBe(`http://localhost/api/sites/${site.id}`);
  });

  it('are found by our id or by their site_code, as the seed’s /sites/hq', async () => {
    const api = await apiHarness();
    const site = await (await api.send('POST', '/sites', HQ)).json();
    expect(await (await api.get(`/sites/${site.id}`)).json()).toEqual(site);
    expect(await (await api.get('/sites/hq')).json()).toEqual(site);
    expect((await api.get('/sites/nowhere')).status).toBe(404);
  });

  it('are patched partially, by id or code, and a null clears an optional field', async () => {
    const api = await apiHarness();
    const site = await (await api.send('POST', '/sites', { ...HQ, site_type: 'Office' })).json();
    const res = await api.send('PATCH', '/sites/hq', { name: 'Main Office', site_type: null });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ...site, name: 'Main Office', site_type: null });
    expect(await (await api.send('PATCH', `/sites/${site.id}`, { site_code: 'main' })).json()).toMatchObject({ site_code: 'main' });
    expect((await api.send('PATCH', '/sites/hq', { name: 'x' })).status).toBe(404);
  });

  it('are listed sorted by name, paginated', async () => {
    const api = await apiHarness();
    for (const [code, name] of [['c', 'Carlisle'], ['a', 'Alnwick'], ['b', 'Berwick']]) await api.send('POST', '/sites', { site_code: code, name, region: 'North' });
    const res = await api.get('/sites?per_page=2');
    expect((await res.json()).map((s: { name: string }) => s.name)).toEqual(['Alnwick', 'Berwick']);
    expect(res.headers.get('X-Total-Count')).toBe('3');
    expect(res.headers.get('X-Total-Pages')).toBe('2');
  });

  it('keep site_code unique per org: a second one is a 422 forbidden_value', async () => {
    const api = await apiHarness();
    await api.send('POST', '/sites', HQ);
    const other = await (await api.send('POST', '/sites', { ...HQ, site_code: 'north' })).json();
    for (const res of [await api.send('POST', '/sites', HQ), await api.send('PATCH', `/sites/${other.id}`, { site_code: 'hq' })]) {
      expect(res.status).toBe(422);
      expect((await res.json()).errors).toEqual([expect.objectContaining({ field: 'site_code', error: 'forbidden_value', extra_info: expect.objectContaining({ disallowed_values: ['hq'] }) })]);
    }
    // Patching a site with its own code is no conflict.
    expect((await api.send('PATCH', '/sites/hq', { site_code: 'hq' })).status).toBe(200);
  });

  it('report every missing or invalid field at once, against the collection for a new site', async () => {
    const res = await (await apiHarness()).send('POST', '/sites', { site_code: '', city: 'x'.repeat(101) });
    expect(res.status).toBe(422);
    const { errors } = await res.json();
    expect(errors).toEqual(
      expect.arrayContaining([
        { resource: '/sites', field: 'site_code', error: 'wrong_length', extra_info: { minimum: 1 } },
        { resource: '/sites', field: 'name', error: 'required', extra_info: {} },
        { resource: '/sites', field: 'region', error: 'required', extra_info: {} },
        { resource: '/sites', field: 'city', error: 'wrong_length', extra_info: { maximum: 100 } },
      ]),
    );
  });

  it('name the site itself as the resource of a PATCH’s errors', async () => {
    const api = await apiHarness();
    const site = await (await api.send('POST', '/sites', HQ)).json();
    const { errors } = await (await api.send('PATCH', '/sites/hq', { name: 7 })).json();
    expect(errors).toEqual([expect.objectContaining({ resource: `/sites/${site.id}`, field: 'name', error: 'invalid_value' })]);
  });

  it('refuse unpermitted parameters with a 403 naming them, and malformed JSON with a 400', async () => {
    const api = await apiHarness();
    const forbidden = await api.send('POST', '/sites', { ...HQ, id: 5, owner: 'me' });
    expect(forbidden.status).toBe(403);
    expect((await forbidden.json()).message).toContain('Unpermitted parameters: id, owner');
    for (const body of ['{"site_code": ', '[1]', 'null']) {
      const res = await api.send('POST', '/sites', body);
      expect(res.status).toBe(400);
      expect((await res.json()).message).toMatch(/^Problems parsing JSON/);
    }
    const notJson = await api.app.request('/api/sites', { method: 'POST', headers: { Accept: 'application/vnd.customersure.v1+json', 'User-Agent': 'x', Authorization: 'Token token="acme-token-0001"', 'Content-Type': 'text/plain' }, body: '{}' });
    expect(notJson.status).toBe(415);
  });
});

describe('staff', () => {
  const ROD = { code: 'rod-magnusson', first_name: 'Rod', surname: 'Magnusson', email: 'Rod.Magnusson@example.com', time_zone: 'London' };

  it('are created (an extension of the seed) and read back in the seed’s shape, with real nulls', async () => {
    const api = await apiHarness();
    const res = await api.send('POST', '/staff', ROD);
    expect(res.status).toBe(201);
    const member = await res.json();
    expect(member).toEqual({ id: expect.stringMatching(/^\d+$/), code: 'rod-magnusson', first_name: 'Rod', surname: 'Magnusson', email: 'rod.magnusson@example.com', time_zone: 'London', deactivated_at: null, team_id: null });
    expect(await (await api.get(`/staff/${member.id}`)).json()).toEqual(member);
    expect((await api.get('/staff/rod-magnusson')).status).toBe(404);
  });

  it('are searched by email (any case) or code', async () => {
    const api = await apiHarness();
    await api.send('POST', '/staff', ROD);
    await api.send('POST', '/staff', { code: 'ann', first_name: 'Ann', email: 'ann@example.com' });
    const names = async (q: string) => (await (await api.get(`/staff?${q}`)).json()).map((s: { first_name: string }) => s.first_name);
    expect(await names('')).toEqual(['Ann', 'Rod']);
    expect(await names('email=ROD.magnusson@example.com')).toEqual(['Rod']);
    expect(await names('code=ann')).toEqual(['Ann']);
    expect(await names('code=nobody')).toEqual([]);
  });

  it('are patched, with deactivated_at read in any zone and shown in UTC', async () => {
    const api = await apiHarness();
    const member = await (await api.send('POST', '/staff', ROD)).json();
    const res = await api.send('PATCH', `/staff/${member.id}`, { deactivated_at: '2026-11-01T09:00:00+0100', team_id: '12' });
    expect(await res.json()).toEqual({ ...member, deactivated_at: '2026-11-01T08:00:00Z', team_id: '12' });
  });

  it('refuse a taken code, a bad email or date, and unknown parameters', async () => {
    const api = await apiHarness();
    await api.send('POST', '/staff', ROD);
    expect((await (await api.send('POST', '/staff', ROD)).json()).errors).toEqual([expect.objectContaining({ field: 'code', error: 'forbidden_value' })]);
    const bad = await (await api.send('POST', '/staff', { code: 'x', first_name: 'X', email: 'not-an-email', deactivated_at: 'soon' })).json();
    expect(bad.errors.map((e: { field: string }) => e.field).sort()).toEqual(['deactivated_at', 'email']);
    expect((await api.send('POST', '/staff', { ...ROD, code: 'y', password: 'x' })).status).toBe(403);
  });
});

describe('surveys and templates', () => {
  it('list the org’s survey files sorted by name, with their questions’ answer types', async () => {
    const res = await (await apiHarness()).get('/surveys');
    expect(res.headers.get('X-Total-Count')).toBe('2');
    const body = await res.json();
    expect(body.map((s: { name: string }) => s.name)).toEqual(['Post-purchase NPS', 'Support CSAT']);
    expect(body[0]).toEqual({
      id: 1484,
      name: 'Post-purchase NPS',
      locale: 'en',
      questions: [
        { id: 1, question: 'How likely are you to recommend Acme to a friend or colleague?', answer_type: 'Rating' },
        { id: 2, question: 'What is the main reason for your score?', answer_type: 'Text' },
        { id: 3, question: 'Which of our stores did you visit?', answer_type: 'Dropdown' },
      ],
    });
  });

  it('list email and text message templates from the org’s file, sorted by name', async () => {
    const api = await apiHarness();
    const email = await (await api.get('/email_templates')).json();
    expect(email.map((t: { id: number }) => t.id)).toEqual([10, 11]);
    expect(email[0]).toEqual({ id: 10, name: 'Post Sale Feedback Email', from_name: 'Kate Jones', from_email: 'kate@acme.co.uk', subject: 'How did we do?', body: 'Hi {{name/there}}', locale: 'en', archived: false });
    expect(await (await api.get('/text_message_templates')).json()).toEqual([{ id: 7, name: 'Post Sale SMS Template', body: 'Tell us: {{link-to-survey}}', locale: 'en', archived: true }]);
    expect(await (await api.get('/email_templates', { Authorization: 'Token token="beta-token-0002"' })).json()).toEqual([]);
  });
});

describe('API bodies', () => {
  it('over 16 KiB are refused with a 413 before they are read', async () => {
    const api = await apiHarness();
    const res = await api.send('POST', '/sites', { ...HQ, name: 'x'.repeat(20_000) });
    expect(res.status).toBe(413);
    expect((await res.json()).message).toContain('Payload Too Large');
    expect(await (await api.get('/sites')).json()).toEqual([]);
  });
});
