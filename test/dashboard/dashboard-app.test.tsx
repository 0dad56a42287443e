import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiResult } from '../../src/dashboard/api/dashboard-client';
import type { MeJson } from '../../src/shared/dashboard/dashboard-replies';
import { fakeClient, me, renderApp, shellReady, summary, unauthorized } from './fixtures';

afterEach(() => {
  cleanup();
  document.documentElement.lang = '';
  document.documentElement.dir = '';
});

const tokenField = () => screen.getByLabelText('API token') as HTMLInputElement;
const signIn = (token: string) => {
  fireEvent.input(tokenField(), { target: { value: token } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
};

describe('<DashboardApp> signing in', () => {
  it('asks for a token when there is no session', async () => {
    renderApp({ client: fakeClient({ me: unauthorized }) });
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeTruthy();
    expect(tokenField().type).toBe('password');
    expect(tokenField().getAttribute('autocomplete')).toBe('off');
  });

  it('shows the server’s message for a wrong token', async () => {
    const client = fakeClient({ me: unauthorized, signIn: vi.fn(async () => ({ ok: false, status: 401, message: 'That token has been revoked' }) as const) });
    renderApp({ client });
    await screen.findByLabelText('API token');
    signIn('tok_wrong');
    expect((await screen.findByRole('alert')).textContent).toBe('That token has been revoked');
    expect(client.signIn).toHaveBeenCalledWith('tok_wrong');
  });

  it('signs in, loads who is signed in, and opens the page that was asked for', async () => {
    const answers: ApiResult<MeJson>[] = [{ ok: false, status: 401, message: 'Sign in first' }, { ok: true, value: me }];
    const client = fakeClient({ me: vi.fn(async () => answers.shift()!) });
    const { storage, location } = renderApp({ client, hash: '#/league?period=7-days' });
    await screen.findByLabelText('API token');
    signIn('tok_secret');
    expect(await screen.findByRole('heading', { level: 1, name: 'League tables' })).toBeTruthy();
    expect(screen.getByText('Acme Coffee')).toBeTruthy();
    expect(client.me).toHaveBeenCalledTimes(2);
    expect(location.hash).toBe('#/league?period=7-days');
    // The token is gone once used: not stored, not in the URL.
    expect([...storage.items.values()].join()).not.toContain('tok_secret');
    expect(location.hash).not.toContain('tok_secret');
  });

  it('goes back to the sign-in form, saying why, when the session ends mid-visit', async () => {
    renderApp({ client: fakeClient({ overview: unauthorized }) });
    expect(await screen.findByText('Your session has ended. Sign in again to carry on where you were.')).toBeTruthy();
    expect(screen.getByLabelText('API token')).toBeTruthy();
  });

  it('signs out', async () => {
    const { client } = renderApp();
    fireEvent.click(await screen.findByRole('button', { name: 'Sign out' }));
    expect(await screen.findByLabelText('API token')).toBeTruthy();
    expect(client.signOut).toHaveBeenCalled();
  });

  it('offers to try again when the server cannot be reached', async () => {
    const answers: ApiResult<MeJson>[] = [{ ok: false, status: 0, message: 'Failed to fetch' }, { ok: true, value: me }];
    renderApp({ client: fakeClient({ me: vi.fn(async () => answers.shift()!) }) });
    expect((await screen.findByRole('alert')).textContent).toContain('Failed to fetch');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Overview' })).toBeTruthy();
  });
});

describe('<DashboardApp> shell', () => {
  it('opens the overview for an unknown route', async () => {
    renderApp({ hash: '#/nowhere' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Overview' })).toBeTruthy();
  });

  it('marks the current section in the nav and carries the filters to the others', async () => {
    renderApp({ hash: '#/overview?period=7-days&survey_id=2' });
    await screen.findByRole('heading', { level: 1, name: 'Overview' });
    const nav = screen.getByRole('navigation', { name: 'Dashboard sections' });
    expect(within(nav).getByRole('link', { name: 'Overview' }).getAttribute('aria-current')).toBe('page');
    expect(within(nav).getByRole('link', { name: 'League tables' }).getAttribute('href')).toBe('#/league?period=7-days&survey_id=2');
    expect(within(nav).getByRole('link', { name: 'Invitations' }).getAttribute('href')).toBe('#/invitations');
  });

  it('moves focus to the new view’s heading when the view changes', async () => {
    const app = renderApp();
    const { location } = app;
    await shellReady(app, 'Overview');
    location.visit('#/league');
    const heading = await screen.findByRole('heading', { level: 1, name: 'League tables' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(document.title).toBe('League tables – Acme Coffee');
  });

  it('has a skip link to the main content', async () => {
    renderApp();
    await screen.findByRole('heading', { level: 1, name: 'Overview' });
    fireEvent.click(screen.getByRole('link', { name: 'Skip to main content' }));
    expect(document.activeElement).toBe(screen.getByRole('main'));
  });

  it('sets the page’s language and direction: Arabic reads right to left', async () => {
    renderApp();
    await screen.findByRole('heading', { level: 1, name: 'Overview' });
    expect(document.documentElement.lang).toBe('en');
    expect(document.documentElement.dir).toBe('ltr');
    const language = screen.getByLabelText('Language') as HTMLSelectElement;
    expect(language.options).toHaveLength(18);
    expect([...language.options].map((o) => o.textContent)).toContain('Deutsch');
    fireEvent.change(language, { target: { value: 'ar' } });
    await waitFor(() => expect(document.documentElement.dir).toBe('rtl'));
    expect(document.documentElement.lang).toBe('ar');
  });

  it('starts in the browser’s language', async () => {
    renderApp({ languages: ['he-IL'] });
    await screen.findByRole('heading', { level: 1 });
    expect(document.documentElement.lang).toBe('he');
    expect(document.documentElement.dir).toBe('rtl');
  });

  it('switches theme and keeps the choice, the only thing it stores', async () => {
    const { container, storage } = renderApp();
    await screen.findByRole('heading', { level: 1, name: 'Overview' });
    expect(container.querySelector('.root')!.getAttribute('data-theme')).toBe('auto');
    fireEvent.change(screen.getByLabelText('Theme'), { target: { value: 'dark' } });
    expect(container.querySelector('.root')!.getAttribute('data-theme')).toBe('dark');
    expect([...storage.items]).toEqual([['sw-dashboard-theme', 'dark']]);
  });

  it('announces new responses politely, one message per burst', async () => {
    const app = renderApp();
    const { events, timers } = app;
    await shellReady(app, 'Overview');
    const live = document.querySelector('[aria-live=polite]')!;
    events.send(summary(10));
    timers.advance(500);
    await waitFor(() => expect(live.textContent).toBe('1 new response'));
    events.send(summary(11));
    events.send(summary(12));
    timers.advance(500);
    await waitFor(() => expect(live.textContent).toBe('2 new responses'));
  });

  it('skips a malformed event rather than failing', async () => {
    const app = renderApp();
    await shellReady(app, 'Overview');
    const live = document.querySelector('[aria-live=polite]')!;
    app.events.sendRaw('{not json');
    app.events.send(summary(10));
    app.timers.advance(500);
    await waitFor(() => expect(live.textContent).toBe('1 new response'));
  });

  it('listens to the server’s events once, and stops on sign-out', async () => {
    const app = renderApp();
    const { events } = app;
    await shellReady(app, 'Overview');
    expect(events.open).toHaveBeenCalledTimes(1);
    expect(events.open).toHaveBeenCalledWith('/dashboard/api/events');
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    await screen.findByLabelText('API token');
    expect(events.source.closed).toBe(true);
  });
});
