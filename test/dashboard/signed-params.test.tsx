import { h } from 'preact';
import { cleanup, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ResponsesTable } from '../../src/dashboard/components/responses-table';
import { en } from '../../src/dashboard/i18n/en';
import { parseRoute, type ResponseRoute } from '../../src/dashboard/routing/route';
import { ResponseDetailView } from '../../src/dashboard/views/response-detail-view';
import { fakeClient, renderInContext, responseDetail, summary } from './fixtures';

afterEach(cleanup);

/** The badge as a screen reader meets it: the word, then what it means. */
const SPOKEN = `✓ ${en.verifiedBadge} (${en.verifiedHint})`;

describe('the Verified badge', () => {
  it('marks, in the responses list, only the responses whose params your server signed', () => {
    renderInContext(<ResponsesTable items={[summary(2, { verified: true }), summary(1)]} fresh={new Set()} hrefFor={(id) => `#/responses/${id}`} />);
    const [, signed, unsigned] = screen.getAllByRole('row');
    expect(signed!.textContent).toContain(SPOKEN);
    expect(unsigned!.textContent).not.toContain(en.verifiedBadge);
    const badge = screen.getByTitle(en.verifiedHint);
    expect(badge.textContent).toBe(SPOKEN);
    expect(badge.querySelector('[aria-hidden="true"]')?.textContent).toBe('✓ ');
  });

  it('shows under the title of a verified response’s detail, and not on another', async () => {
    const detailClient = (verified: boolean) => fakeClient({ response: async () => ({ ok: true, value: responseDetail({ verified }) }) as const });
    const route = parseRoute('#/responses/123') as ResponseRoute;
    renderInContext(<ResponseDetailView route={route} />, { client: detailClient(true) });
    await screen.findByRole('heading', { name: 'Answers' });
    expect(screen.getByTitle(en.verifiedHint).textContent).toBe(SPOKEN);
    cleanup();
    renderInContext(<ResponseDetailView route={route} />, { client: detailClient(false) });
    await screen.findByRole('heading', { name: 'Answers' });
    expect(screen.queryByTitle(en.verifiedHint)).toBeNull();
  });
});
