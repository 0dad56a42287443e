import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeClient, invitation, renderApp, shellReady } from '../fixtures';

afterEach(cleanup);

describe('<InvitationsView>', () => {
  it('lists invitations with their state in words and why one was not sent', async () => {
    const app = renderApp({ hash: '#/invitations' });
    await shellReady(app, 'Invitations');
    const row = (await screen.findByRole('rowheader', { name: '44' })).parentElement!;
    expect(within(row).getByText('Not sent').className).toBe('state not_sent');
    expect(within(row).getByText('Over-survey protection')).toBeTruthy();
    expect(within(row).getByText('guest44@example.com')).toBeTruthy();
    expect(within(row).getByText('After your visit')).toBeTruthy();
    expect(screen.getByText('2 invitations')).toBeTruthy();
  });

  it('filters by state through the URL, back to page 1', async () => {
    const app = renderApp({ hash: '#/invitations?page=3' });
    await shellReady(app, 'Invitations');
    fireEvent.change(screen.getByLabelText('State'), { target: { value: 'not_sent' } });
    expect(app.location.hash).toBe('#/invitations?state=not_sent');
    await waitFor(() => expect(String(vi.mocked(app.client.invitations).mock.lastCall![0])).toBe('state=not_sent&page=1&limit=25'));
  });

  it('pages with links when there are more than fit', async () => {
    const client = fakeClient({ invitations: async () => ({ ok: true, value: { items: [invitation(45)], total: 60, page: 2, limit: 25 } }) as const });
    const app = renderApp({ client, hash: '#/invitations?state=sent&page=2' });
    await shellReady(app, 'Invitations');
    expect(await screen.findByText('Page 2 of 3')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Previous page' }).getAttribute('href')).toBe('#/invitations?state=sent');
    expect(screen.getByRole('link', { name: 'Next page' }).getAttribute('href')).toBe('#/invitations?state=sent&page=3');
  });

  it('opens an invitation with every field and its timeline in order', async () => {
    const app = renderApp({ hash: '#/invitations?state=sent' });
    await shellReady(app, 'Invitations');
    // The row links to the detail, keeping the list's filter for the way back.
    expect((await screen.findByRole('link', { name: '45' })).getAttribute('href')).toBe('#/invitations/45?state=sent');
    app.location.visit('#/invitations/45?state=sent');
    await screen.findByRole('heading', { level: 1, name: 'Invitation 45' });
    const timeline = within(await screen.findByRole('region', { name: 'Timeline' })).getByRole('list');
    expect(timeline.tagName).toBe('OL');
    expect(within(timeline).getByText('sent')).toBeTruthy();
    expect(within(timeline).getByText('Accepted by CustomerSure', { exact: false })).toBeTruthy();
    expect(screen.getByText('https://feedback.example.com/s/tok45')).toBeTruthy();
    expect(screen.getByRole('link', { name: /Back to invitations/ }).getAttribute('href')).toBe('#/invitations?state=sent');
  });
});
