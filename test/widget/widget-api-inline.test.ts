import { fireEvent, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { HOST_TAG } from '../../src/widget/mount-widget';
import { apiPage, CSAT_WIDGET, isOpen } from './api-page';
import { settle } from './fixtures';

/** The post-purchase survey, inline. */
const INLINE_WIDGET = `<div id="inline" data-customersure-survey-widget data-widget-params='{"org": "acme", "survey": "post-purchase", "display": "inline"}' data-survey-params='{"name": "Mariner"}'></div>`;

const element = () => document.getElementById('inline')!;
/** The inline survey's host, inside the page's element. */
const host = () => element().querySelector(HOST_TAG)!;
const inline = () => within(host().shadowRoot!.lastElementChild as HTMLElement);
const heading = () => host().shadowRoot!.querySelector('h2');
const focused = () => host().shadowRoot!.activeElement;
/** Popover hosts, appended to <body>. */
const popovers = () => [...document.querySelectorAll(`body > ${HOST_TAG}`)] as HTMLElement[];

describe('an inline survey', () => {
  it('shows in its own element as soon as it loads, beside a popover survey that keeps its trigger', async () => {
    const { api, console } = apiPage(`<p>Before</p>${INLINE_WIDGET}<p>After</p>${CSAT_WIDGET}`);
    api.init();
    await settle();
    expect(inline().getByRole('region', { name: 'How did we do?' })).toBeTruthy();
    expect(element().previousElementSibling?.textContent).toBe('Before');
    expect(popovers()).toHaveLength(1);
    expect(within(popovers()[0]!.shadowRoot!.lastElementChild as HTMLElement).getByRole('button', { name: 'Rate support' })).toBeTruthy();
    expect(console.errors).toEqual([]);
  });

  it('reports ready and shown on load, then answered and submitted, and never closed', async () => {
    const { api } = apiPage(INLINE_WIDGET);
    const seen: string[] = [];
    for (const event of ['ready', 'shown', 'answered', 'submitted', 'closed', 'error'] as const) api.on(event, () => seen.push(event));
    api.init();
    await settle();
    fireEvent.click(inline().getByRole('radio', { name: '9' }));
    fireEvent.submit(inline().getByRole('button', { name: 'Send feedback' }).closest('form')!);
    await settle();
    api.close('post-purchase');
    expect(seen).toEqual(['ready', 'shown', 'answered', 'submitted']);
    expect(inline().getByRole('status').textContent).toContain('Thank you!');
  });

  it('comes into view with its heading focused on open() and toggleWidget(), and stays shown', async () => {
    const { api } = apiPage(INLINE_WIDGET);
    api.init();
    await settle();
    const scrolled = vi.spyOn(host(), 'scrollIntoView');
    api.open('post-purchase');
    expect(focused()).toBe(heading());
    (focused() as HTMLElement).blur();
    api.toggleWidget('post-purchase');
    api.toggleWidget();
    expect(scrolled).toHaveBeenCalledTimes(3);
    expect(focused()).toBe(heading());
    expect(inline().getByRole('region')).toBeTruthy();
  });

  it('ignores close(), logging nothing', async () => {
    const { api, console } = apiPage(INLINE_WIDGET);
    api.init();
    await settle();
    api.close('post-purchase');
    api.close();
    expect(inline().getByRole('region', { name: 'How did we do?' })).toBeTruthy();
    expect(console.errors).toEqual([]);
  });

  it('comes into view when a [data-survey-toggle] opener naming it is clicked', async () => {
    apiPage(`${INLINE_WIDGET}<button id="opener" data-survey-toggle="post-purchase">Tell us</button>`).api.init();
    await settle();
    fireEvent.click(document.getElementById('opener')!);
    expect(focused()).toBe(heading());
    fireEvent.click(document.getElementById('opener')!);
    expect(inline().getByRole('region')).toBeTruthy();
  });

  it('closes an open popover when the page opens it, and stays when the page opens the popover', async () => {
    const { api } = apiPage(INLINE_WIDGET + CSAT_WIDGET);
    api.open('support-csat');
    await settle();
    expect(isOpen(popovers()[0])).toBe(true);
    api.open('post-purchase');
    expect(isOpen(popovers()[0])).toBe(false);
    api.open('support-csat');
    expect(isOpen(popovers()[0])).toBe(true);
    expect(inline().getByRole('region', { name: 'How did we do?' })).toBeTruthy();
  });

  it('takes no part in automatic display: a popover’s event trigger still shows it beside an always-shown inline survey', async () => {
    const csatInline = `<div id="inline" data-customersure-survey-widget data-widget-params='{"org": "acme", "survey": "support-csat", "display": "inline"}'></div>`;
    const popover = `<div data-customersure-survey-widget data-widget-params='{"org": "acme", "survey": "post-purchase"}'></div>`;
    const { api } = apiPage(csatInline + popover);
    api.init();
    await settle();
    api.trigger('checkout_complete');
    // The post-purchase trigger waits a second before showing its survey.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(isOpen(popovers()[0])).toBe(true);
    expect(inline().getByRole('region', { name: 'Rate your support experience' })).toBeTruthy();
  });

  it('renders again in the same element after destroy() and init()', async () => {
    const { api } = apiPage(INLINE_WIDGET);
    api.init();
    await settle();
    api.destroy();
    expect(element().childElementCount).toBe(0);
    api.init();
    await settle();
    expect(inline().getByRole('region', { name: 'How did we do?' })).toBeTruthy();
  });
});
