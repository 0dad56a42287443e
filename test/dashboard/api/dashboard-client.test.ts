import { describe, expect, it, vi } from 'vitest';
import { createDashboardClient } from '../../../src/dashboard/api/dashboard-client';
import { me } from '../fixtures';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('createDashboardClient', () => {
  it('posts the token as JSON to /dashboard/api/session', async () => {
    const fetch = vi.fn(async () => new Response(null, { status: 204 }));
    expect(await createDashboardClient(fetch).signIn('tok_123')).toEqual({ ok: true, value: null });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/dashboard/api/session');
    expect(init.method).toBe('POST');
    expect(new Headers(init.headers).get('content-type')).toBe('application/json');
    expect(init.body).toBe('{"token":"tok_123"}');
  });
  it('signs out with DELETE', async () => {
    const fetch = vi.fn(async () => new Response(null, { status: 204 }));
    await createDashboardClient(fetch).signOut();
    expect(fetch.mock.calls[0]).toMatchObject(['/dashboard/api/session', { method: 'DELETE' }]);
  });
  it('gives back the parsed JSON of a successful call', async () =>
    expect(await createDashboardClient(async () => json(200, me)).me()).toEqual({ ok: true, value: me }));
  it('builds each query onto its endpoint', async () => {
    const fetch = vi.fn(async () => json(200, {}));
    await createDashboardClient(fetch).responses(new URLSearchParams('q=late&limit=25'));
    await createDashboardClient(fetch).invitation(45);
    expect(fetch.mock.calls.map((c) => (c as unknown[])[0])).toEqual(['/dashboard/api/responses?q=late&limit=25', '/dashboard/api/invitations/45']);
  });
  it('passes on the server’s message with its status', async () =>
    expect(await createDashboardClient(async () => json(401, { message: 'That token has been revoked' })).signIn('x')).toEqual({
      ok: false,
      status: 401,
      message: 'That token has been revoked',
    }));
  it('falls back to the status line when the error is not JSON', async () =>
    expect(await createDashboardClient(async () => new Response('<html>', { status: 502, statusText: 'Bad Gateway' })).me()).toEqual({
      ok: false,
      status: 502,
      message: '502 Bad Gateway',
    }));
  it('turns a network failure into status 0 instead of throwing', async () =>
    expect(
      await createDashboardClient(async () => {
        throw new TypeError('Failed to fetch');
      }).me(),
    ).toEqual({ ok: false, status: 0, message: 'Failed to fetch' }));
  it('builds export links from the same filters', () =>
    expect(createDashboardClient(fetch).exportUrl('csv', new URLSearchParams('period=7-days'))).toBe('/dashboard/api/export.csv?period=7-days'));
});
