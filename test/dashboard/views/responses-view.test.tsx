import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiResult } from '../../../src/dashboard/api/dashboard-client';
import type { ResponseListJson } from '../../../src/shared/dashboard/dashboard-replies';
import { fakeClient, page, renderApp, shellReady, summary } from '../fixtures';

afterEach(cleanup);

const ids = (from: number, to: number) => Array.from({ length: from - to + 1 }, (_, i) => from - i);
/** Three pages: no cursor, c2, c3; the last has no next cursor. */
const PAGES: Record<string, ResponseListJson> = { '': page(ids(60, 36), 'c2'), c2: page(ids(35, 11), 'c3'), c3: page(ids(10, 1), null) };
const pagedClient = () =>
  fakeClient({ responses: vi.fn(async (query: URLSearchParams): Promise<ApiResult<ResponseListJson>> => ({ ok: true, value: PAGES[query.get('cursor') ?? '']! })) });
const firstRow = () => screen.getAllByRole('row')[1]!.textContent;
const lastCursor = (client: ReturnType<typeof fakeClient>) => vi.mocked(client.responses).mock.lastCall![0].get('cursor');

describe('<ResponsesView>', () => {
  it('pages older and back newer through the cursors', async () => {
    const client = pagedClient();
    const app = renderApp({ client, hash: '#/responses' });
    await shellReady(app, 'Responses');
    await screen.findByText('Comment 60');
    expect((screen.getByRole('button', { name: 'Newer' }) as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Older' }));
    await screen.findByText('Comment 35');
    expect(lastCursor(client)).toBe('c2');
    expect(app.location.hash).toBe('#/responses?cursor=c2');

    fireEvent.click(screen.getByRole('button', { name: 'Older' }));
    await screen.findByText('Comment 10');
    expect(lastCursor(client)).toBe('c3');
    expect((screen.getByRole('button', { name: 'Older' }) as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Newer' }));
    await screen.findByText('Comment 35');
    expect(lastCursor(client)).toBe('c2');

    fireEvent.click(screen.getByRole('button', { name: 'Newer' }));
    await screen.findByText('Comment 60');
    expect(lastCursor(client)).toBeNull();
    expect(app.location.hash).toBe('#/responses');
  });

  it('finds its way back after the browser’s Back button moved between pages', async () => {
    const client = pagedClient();
    const app = renderApp({ client, hash: '#/responses' });
    await shellReady(app, 'Responses');
    await screen.findByText('Comment 60');
    fireEvent.click(screen.getByRole('button', { name: 'Older' }));
    await screen.findByText('Comment 35');
    fireEvent.click(screen.getByRole('button', { name: 'Older' }));
    await screen.findByText('Comment 10');
    app.location.visit('#/responses?cursor=c2'); // Back
    await screen.findByText('Comment 35');
    fireEvent.click(screen.getByRole('button', { name: 'Newer' }));
    await screen.findByText('Comment 60');
  });

  it('shows new responses as they arrive and marks the ones not seen before', async () => {
    const lists = [page([3, 2, 1], null, 3), page([5, 4, 3, 2, 1], null, 5)];
    const client = fakeClient({ responses: vi.fn(async () => ({ ok: true, value: lists.shift() ?? page([5, 4, 3, 2, 1], null, 5) }) as const) });
    const app = renderApp({ client, hash: '#/responses' });
    await shellReady(app, 'Responses');
    await screen.findByText('Comment 3');
    expect(document.querySelectorAll('tr.new')).toHaveLength(0);

    app.events.send(summary(4));
    app.events.send(summary(5));
    app.timers.advance(499);
    expect(client.responses).toHaveBeenCalledTimes(1);
    app.timers.advance(1);
    await screen.findByText('Comment 5');
    expect(client.responses).toHaveBeenCalledTimes(2);
    await waitFor(() => expect(document.querySelectorAll('tr.new')).toHaveLength(2));
    const newest = screen.getByText('Comment 5').closest('tr')!;
    expect(newest.className).toBe('new');
    expect(within(newest).getByText('New:').className).toBe('sr-only');
    expect(screen.getByText('Comment 3').closest('tr')!.className).toBe('');
    expect(screen.getByText('5 responses')).toBeTruthy();
  });

  it('leaves an older page alone when new responses arrive', async () => {
    const client = pagedClient();
    const app = renderApp({ client, hash: '#/responses?cursor=c2' });
    await shellReady(app, 'Responses');
    await screen.findByText('Comment 35');
    app.events.send(summary(61));
    app.timers.advance(5000);
    expect(client.responses).toHaveBeenCalledTimes(1);
  });

  it('says how many match, or “Many responses” when the server did not count', async () => {
    const client = fakeClient({ responses: vi.fn(async () => ({ ok: true, value: page([2, 1], null, 1234) }) as const) });
    const app = renderApp({ client, hash: '#/responses' });
    await shellReady(app, 'Responses');
    expect(await screen.findByText('1,234 responses')).toBeTruthy();
    cleanup();
    const uncounted = fakeClient({ responses: vi.fn(async () => ({ ok: true, value: page([2, 1], null, null) }) as const) });
    const second = renderApp({ client: uncounted, hash: '#/responses?q=late' });
    await shellReady(second, 'Responses');
    expect(await screen.findByText('Many responses')).toBeTruthy();
  });

  it('shows each response’s site by name and links it to the whole response, filters kept', async () => {
    const app = renderApp({ hash: '#/responses?period=7-days&q=late' });
    await shellReady(app, 'Responses');
    const row = (await screen.findByText('Comment 3')).closest('tr')!;
    expect(within(row).getByText('Newcastle')).toBeTruthy();
    expect(within(row).getByRole('link').getAttribute('href')).toBe('#/responses/3?period=7-days&q=late');
    expect(within(row).getByRole('link').textContent).toBe('23 Nov 2026, 10:00');
  });

  it('filters by site, a segment and a score range through the URL', async () => {
    const app = renderApp({ hash: '#/responses' });
    await shellReady(app, 'Responses');
    fireEvent.change(screen.getByLabelText('Site'), { target: { value: 'ncl' } });
    expect(app.location.hash).toBe('#/responses?segment=site_code%3Ancl');
    expect((screen.getByLabelText('Segment value') as HTMLSelectElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Segment'), { target: { value: 'region' } });
    fireEvent.change(screen.getByLabelText('Segment value'), { target: { value: 'North' } });
    expect(app.location.hash).toBe('#/responses?segment=site_code%3Ancl&segment=region%3ANorth');
    expect((screen.getByLabelText('Lowest score') as HTMLInputElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Score'), { target: { value: 'nps' } });
    fireEvent.change(screen.getByLabelText('Highest score'), { target: { value: '6' } });
    expect(app.location.hash).toBe('#/responses?segment=site_code%3Ancl&segment=region%3ANorth&score_scale=nps&score_max=6');
    await waitFor(() => expect(String(vi.mocked(app.client.responses).mock.lastCall![0])).toContain('score_max=6'));
  });

  it('searches when the search is submitted, not on every key', async () => {
    const app = renderApp({ hash: '#/responses' });
    await shellReady(app, 'Responses');
    const search = screen.getByLabelText('Search answers, customers and references');
    fireEvent.input(search, { target: { value: ' slow till ' } });
    expect(app.location.hash).toBe('#/responses');
    fireEvent.submit(search.closest('form')!);
    expect(app.location.hash).toBe('#/responses?q=slow+till');
  });

  it('builds the exports from the current filters', async () => {
    const app = renderApp({ hash: '#/responses?period=7-days&segment=site_code:ncl&cursor=c2' });
    await shellReady(app, 'Responses');
    const csv = screen.getByRole('link', { name: 'Export CSV' });
    expect(csv.getAttribute('href')).toBe('/dashboard/api/export.csv?period=7-days&segment=site_code%3Ancl');
    expect(csv.hasAttribute('download')).toBe(true);
    expect(screen.getByRole('link', { name: 'Export JSON' }).getAttribute('href')).toBe('/dashboard/api/export.json?period=7-days&segment=site_code%3Ancl');
  });
});
