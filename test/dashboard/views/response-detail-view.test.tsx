import { h } from 'preact';
import { cleanup, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { parseRoute } from '../../../src/dashboard/routing/route';
import type { ResponseRoute } from '../../../src/dashboard/routing/route';
import { ResponseDetailView } from '../../../src/dashboard/views/response-detail-view';
import { fakeClient, invitation, renderInContext, responseDetail } from '../fixtures';

afterEach(cleanup);

const route = (hash = '#/responses/123') => parseRoute(hash) as ResponseRoute;
const withDetail = (detail: ReturnType<typeof responseDetail>) => ({ client: fakeClient({ response: async () => ({ ok: true, value: detail }) as const }) });
const field = (name: string) => screen.getByText(name, { selector: 'dt' }).nextElementSibling as HTMLElement;

describe('<ResponseDetailView>', () => {
  it('shows every answer with its question, ratings against their scale', async () => {
    renderInContext(<ResponseDetailView route={route()} />);
    await screen.findByRole('heading', { name: 'Answers' });
    expect(field('How likely are you to recommend us?').textContent).toBe('9 / 10');
    expect(field('What could we do better?').textContent).toBe('Faster tills');
    expect(field('What did you buy?').textContent).toBe('Coffee, Cake');
  });

  it('shows the customer, segments and metadata', async () => {
    renderInContext(<ResponseDetailView route={route()} />);
    await screen.findByRole('heading', { name: 'Answers' });
    expect(field('email').textContent).toBe('jo@example.com');
    expect(field('region').textContent).toBe('North');
    expect(field('till').textContent).toBe('4');
  });

  it('shows reference and machine id as text when the org set no links for them', async () => {
    renderInContext(<ResponseDetailView route={route()} />);
    await screen.findByRole('heading', { name: 'Answers' });
    expect(field('Reference').textContent).toBe('ORDER-9');
    expect(within(field('Reference')).queryByRole('link')).toBeNull();
    expect(within(field('Machine ID')).queryByRole('link')).toBeNull();
  });

  it('links reference and machine id out, safely, when the org set links', async () => {
    const links = { reference: 'https://crm.example.com/orders/ORDER-9', machine_id: 'https://tills.example.com/TILL-4' };
    renderInContext(<ResponseDetailView route={route()} />, withDetail(responseDetail({ links })));
    const reference = await screen.findByRole('link', { name: 'ORDER-9' });
    expect(reference.getAttribute('href')).toBe(links.reference);
    expect(reference.getAttribute('rel')).toBe('noopener noreferrer');
    expect(screen.getByRole('link', { name: 'TILL-4' }).getAttribute('href')).toBe(links.machine_id);
  });

  it('shows the page the customer was on as text, never as a link', async () => {
    renderInContext(<ResponseDetailView route={route()} />);
    await screen.findByRole('heading', { name: 'Answers' });
    expect(field('Page').textContent).toBe('https://shop.example.com/thanks?order=9');
    expect(screen.queryByRole('link', { name: /shop\.example/ })).toBeNull();
  });

  it('links back to the list it came from, filters kept', async () => {
    renderInContext(<ResponseDetailView route={route('#/responses/123?period=7-days&q=late&cursor=c2')} />);
    expect(screen.getByRole('link', { name: /Back to responses/ }).getAttribute('href')).toBe('#/responses?period=7-days&q=late&cursor=c2');
    expect(screen.getByRole('heading', { level: 1, name: 'Response 123' })).toBeTruthy();
  });

  it('summarises its feedback request and links to the invitation', async () => {
    const feedback_request = { ...invitation(45), state: 'sent' as const };
    renderInContext(<ResponseDetailView route={route()} />, withDetail(responseDetail({ feedback_request })));
    const card = await screen.findByRole('region', { name: 'Feedback request' });
    expect(within(card).getByText('Sent')).toBeTruthy();
    expect(within(card).getByText('customersure')).toBeTruthy();
    expect(within(card).getByRole('link', { name: 'View invitation 45' }).getAttribute('href')).toBe('#/invitations/45');
  });

  it('names a question the survey no longer has by its id', async () => {
    const answers = [{ question_id: 8, question: null, answer_type: null, answer: 'Yes' }];
    renderInContext(<ResponseDetailView route={route()} />, withDetail(responseDetail({ answers })));
    expect(await screen.findByText('Question 8 (no longer in the survey)')).toBeTruthy();
  });

  it('shows the server’s message when the response cannot be loaded', async () => {
    const client = fakeClient({ response: async () => ({ ok: false, status: 404, message: 'No such response' }) as const });
    renderInContext(<ResponseDetailView route={route()} />, { client });
    expect((await screen.findByRole('alert')).textContent).toContain('No such response');
  });
});
