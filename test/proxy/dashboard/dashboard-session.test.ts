import { describe, expect, it } from 'vitest';
import { dashboardHarness } from './dashboard-harness';

const post = (body: unknown, headers: Record<string, string> = { 'Content-Type': 'application/json' }) => ({
  method: 'POST',
  headers,
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

describe('dashboard sign-in', () => {
  it('exchanges a valid token for an HttpOnly, SameSite=Strict session cookie that opens /me', async () => {
    const h = await dashboardHarness();
    const res = await h.app.request('/dashboard/api/session', post({ token: h.token }));
    expect(res.status).toBe(204);
    const setCookie = res.headers.get('Set-Cookie') ?? '';
    expect(setCookie).toMatch(/^sw_dashboard=[A-Za-z0-9_-]{40,}; Path=\/dashboard; HttpOnly; SameSite=Strict; Max-Age=43200$/);
    expect(setCookie).not.toContain(h.token);
    const me = await h.get('/me', setCookie.split(';')[0]);
    expect(me.status).toBe(200);
    expect(me.headers.get('Cache-Control')).toBe('no-store');
    expect(await me.json()).toMatchObject({ org: 'acme', time_zone: 'Europe/London', surveys: [{ id: 1484 }, { id: 2166 }] });
  });

  it('marks the cookie Secure behind https', async () => {
    const h = await dashboardHarness();
    const res = await h.app.request('/dashboard/api/session', post({ token: h.token }, { 'Content-Type': 'application/json', 'X-Forwarded-Proto': 'https' }));
    expect(res.headers.get('Set-Cookie')).toMatch(/; Secure$/);
  });

  it('refuses a wrong token with a v1 401 and no cookie', async () => {
    const h = await dashboardHarness();
    const res = await h.app.request('/dashboard/api/session', post({ token: 'not-a-token' }));
    expect(res.status).toBe(401);
    expect(res.headers.get('Set-Cookie')).toBeNull();
    expect((await res.json()).message).toMatch(/not valid/);
  });

  it.each([
    ['no JSON content type', post({ token: 'x' }, { 'Content-Type': 'application/x-www-form-urlencoded' }), 415],
    ['another site’s Origin', post({ token: 'x' }, { 'Content-Type': 'application/json', Origin: 'https://evil.example' }), 403],
    ['a broken body', post('{"token":', { 'Content-Type': 'application/json' }), 400],
    ['a missing token', post({}), 422],
  ])('refuses %s', async (_, init, status) => {
    const h = await dashboardHarness();
    expect((await h.app.request('/dashboard/api/session', init)).status).toBe(status);
  });

  it('answers every data route with a 401 without a session, or with a forged one', async () => {
    const h = await dashboardHarness();
    for (const path of ['/me', '/overview', '/league', '/responses', '/responses/1', '/invitations', '/export.csv', '/events']) {
      expect((await h.get(path, '')).status, path).toBe(401);
      expect((await h.get(path, `sw_dashboard=${'A'.repeat(43)}`)).status, path).toBe(401);
    }
  });

  it('ends the session on sign-out, and when the token is revoked', async () => {
    const h = await dashboardHarness();
    const cookie = await h.signIn();
    const out = await h.app.request('/dashboard/api/session', { method: 'DELETE', headers: { Cookie: cookie } });
    expect(out.status).toBe(204);
    expect(out.headers.get('Set-Cookie')).toMatch(/^sw_dashboard=; .*Max-Age=0/);
    expect((await h.get('/me', cookie)).status).toBe(401);

    const again = await h.signIn();
    expect((await h.get('/me', again)).status).toBe(200);
    const [info] = await h.store.tokens.list('acme');
    await h.store.tokens.revoke(info!.id, h.clock.now);
    expect((await h.get('/me', again)).status).toBe(401);
  });

  it('expires after twelve hours', async () => {
    const h = await dashboardHarness();
    const cookie = await h.signIn();
    h.clock.now = new Date(h.clock.now.getTime() + 12 * 3_600_000 + 1);
    expect((await h.get('/me', cookie)).status).toBe(401);
  });
});
