import { describe, expect, it } from 'vitest';
import { acceptsV1 } from '../../../src/proxy/api/middleware/require-accept';
import { tokenFrom } from '../../../src/proxy/api/middleware/require-token';
import { testApp } from '../fixtures';
import { ACME_TOKEN, apiHarness, BETA_TOKEN, V1 } from './api-fixtures';
import { openTestStore } from '../test-store';

describe('tokenFrom()', () => {
  it.each([
    ['Token token="ec76c296df321768ba4cc41a445bfb6f"', 'ec76c296df321768ba4cc41a445bfb6f'],
    ['Token token=1234567890', '1234567890'],
    ['token token = "abc"', 'abc'],
    ['Token token=""', undefined],
    ['Bearer abc', undefined],
    ['Token abc', undefined],
    ['Token token="abc" extra', undefined],
    ['', undefined],
  ])('reads %j as %j', (header, token) => {
    expect(tokenFrom(header)).toBe(token);
  });
});

describe('acceptsV1()', () => {
  it.each([
    [V1, true],
    [`${V1};`, true], // the seed's own curl examples end it with a stray semicolon
    [`text/html, ${V1}; q=0.9`, true],
    ['APPLICATION/VND.CUSTOMERSURE.V1+JSON', true],
    ['*/*', false],
    ['application/json', false],
    ['application/vnd.customersure.v2+json', false],
    [undefined, false],
  ])('accepts %j: %s', (header, ok) => {
    expect(acceptsV1(header)).toBe(ok);
  });
});

describe('every API request', () => {
  it('without a User-Agent gets the seed’s 403 body, before anything else is checked', async () => {
    const api = await apiHarness();
    for (const agent of ['', '   ']) {
      const res = await api.get('/sites', { 'User-Agent': agent, Authorization: '' });
      expect(res.status).toBe(403);
      expect(res.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
      expect(await res.json()).toEqual({ message: 'Missing or invalid User Agent string' });
    }
  });

  it('without the v1 Accept header gets a 406 naming the header to send', async () => {
    const api = await apiHarness();
    for (const accept of ['', '*/*', 'application/json']) {
      const res = await api.get('/sites', { Accept: accept });
      expect(res.status).toBe(406);
      expect((await res.json()).message).toContain(V1);
    }
  });

  it('without a valid token gets 401 with WWW-Authenticate: Token realm="Application"', async () => {
    const api = await apiHarness();
    for (const authorization of ['', 'Token token="fake"', 'Bearer acme-token-0001', `Token ${ACME_TOKEN}`]) {
      const res = await api.get('/feedback_responses', { Authorization: authorization });
      expect(res.status).toBe(401);
      expect(res.headers.get('WWW-Authenticate')).toBe('Token realm="Application"');
      const text = await res.text();
      expect(JSON.parse(text)).toEqual({ message: expect.stringContaining('Token token=') });
      expect(text).not.toContain(ACME_TOKEN);
    }
  });

  it('with a token in the quoted or the unquoted form is answered', async () => {
    const api = await apiHarness();
    expect((await api.get('/sites', { Authorization: `Token token="${ACME_TOKEN}"` })).status).toBe(200);
    expect((await api.get('/sites', { Authorization: `Token token=${ACME_TOKEN}` })).status).toBe(200);
  });

  it('is answered 401 for a HEAD, as the seed’s `curl -I` example shows', async () => {
    const api = await apiHarness();
    const res = await api.app.request('/api/feedback_requests', { method: 'HEAD', headers: { Accept: `${V1};`, 'User-Agent': 'curl/8', Authorization: 'Token token="fake"' } });
    expect(res.status).toBe(401);
    expect(res.headers.get('WWW-Authenticate')).toBe('Token realm="Application"');
  });

  it('to an unknown path gets a v1 404 once authenticated', async () => {
    const api = await apiHarness();
    const res = await api.get('/nothing-here');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ message: 'Not found' });
  });
});

describe('tokens', () => {
  it('see only their own org: beta sees none of acme’s responses, sites or staff', async () => {
    const api = await apiHarness();
    const id = await api.respond('2026-11-20T09:00:00Z');
    await api.send('POST', '/sites', { site_code: 'hq', name: 'Head Office', region: 'Tyne and Wear' });
    const beta = { Authorization: `Token token="${BETA_TOKEN}"` };
    expect(await (await api.get('/feedback_responses', beta)).json()).toEqual([]);
    expect((await api.get(`/feedback_responses/${id}`, beta)).status).toBe(404);
    expect((await api.get('/sites/hq', beta)).status).toBe(404);
    expect(await (await api.get('/sites', beta)).json()).toEqual([]);
    expect((await (await api.get('/nps', beta)).json()).total_number_of_ratings).toBe(0);
    // beta may use the same site code: codes are unique per org, not across orgs.
    expect((await api.send('POST', '/sites', { site_code: 'hq', name: 'Beta HQ', region: 'X' }, beta)).status).toBe(201);
  });

  it('made by the store work until revoked, and are stored only as a hash', async () => {
    const store = await openTestStore();
    const { app } = await testApp({ store });
    const created = await store.tokens.create('acme', 'CRM sync', new Date('2026-11-23T10:00:00Z'));
    expect(created.token).toMatch(/^[0-9a-f]{64}$/);
    const headers = { Accept: V1, 'User-Agent': 'Acme Ltd', Authorization: `Token token="${created.token}"` };
    expect((await app.request('/api/surveys', { headers })).status).toBe(200);
    expect(await store.tokens.list('acme')).toEqual([{ id: created.id, org: 'acme', name: 'CRM sync', created_at: '2026-11-23T10:00:00.000Z', revoked_at: null }]);
    expect(await store.tokens.revoke(created.id, new Date())).toBe(true);
    expect(await store.tokens.revoke(created.id, new Date())).toBe(false);
    expect((await app.request('/api/surveys', { headers })).status).toBe(401);
  });
});
