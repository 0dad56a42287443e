import { fireEvent } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { apiPage as page, hosts, SEED_WIDGET, view } from './api-page';
import { FIXED_NOW, settle } from './fixtures';

describe('createWidgetApi()', () => {
  it('does nothing to the page until called', () => {
    const { fetch } = page(SEED_WIDGET);
    expect(hosts()).toEqual([]);
    expect(fetch.requests).toEqual([]);
  });

  describe('init()', () => {
    it('mounts one widget per [data-customersure-survey-widget] element', async () => {
      const { api, console } = page(SEED_WIDGET + `<div data-customersure-survey-widget data-widget-params='{"org": "acme", "survey": "support-csat"}'></div>`);
      api.init();
      await settle();
      expect(hosts()).toHaveLength(2);
      expect(view(hosts()[0]!).getByRole('button', { name: 'Feedback' })).toBeTruthy();
      expect(view(hosts()[1]!).getByRole('button', { name: 'Rate support' })).toBeTruthy();
      expect(console.errors).toEqual([]);
    });

    it('mounts nothing twice when called twice', async () => {
      const { api, fetch } = page(SEED_WIDGET);
      api.init();
      api.init();
      await settle();
      expect(hosts()).toHaveLength(1);
      expect(fetch.requests.filter((r) => r.url.includes('/v1/surveys/'))).toHaveLength(1);
    });

    it('mounts an element added to the page after the first call', async () => {
      const { api } = page(SEED_WIDGET);
      api.init();
      document.body.insertAdjacentHTML('beforeend', SEED_WIDGET);
      api.init();
      await settle();
      expect(hosts()).toHaveLength(2);
    });

    it('logs one prefixed error for malformed data-survey-params and still shows the survey', async () => {
      const { api, console } = page(`<div data-customersure-survey-widget data-widget-params='{"org": "acme", "survey": "post-purchase"}' data-survey-params='{name: "Mariner"}'></div>`);
      api.init();
      await settle();
      expect(console.errors).toHaveLength(1);
      expect(console.errors[0]).toMatch(/^\[survey-widget\] widget #1: data-survey-params is not valid JSON \(.+\)\. The survey opens without the extra data\.$/);
      expect(hosts()).toHaveLength(1);
      expect(view(hosts()[0]!).getByRole('button', { name: 'Feedback' })).toBeTruthy();
    });

    it('logs one prefixed error for a widget without an org and mounts only the others', async () => {
      const { api, console } = page(`<div id="broken" data-customersure-survey-widget data-widget-params='{"survey": "post-purchase"}'></div>` + SEED_WIDGET);
      api.init();
      await settle();
      expect(console.errors).toEqual([
        '[survey-widget] widget #1 (id "broken"): data-widget-params "org" must be a code of letters, digits, - and _. This widget is skipped; the page is unaffected.',
      ]);
      expect(hosts()).toHaveLength(1);
    });

    it('warns about a __proto__ key in data-survey-params and pollutes nothing', async () => {
      const { api, console } = page(`<div data-customersure-survey-widget data-widget-params='{"org": "acme", "survey": "post-purchase"}' data-survey-params='{"__proto__": {"polluted": "yes"}, "name": "Mariner"}'></div>`);
      api.init();
      await settle();
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      expect(console.warnings).toEqual(['[survey-widget] widget #1: data-survey-params key "__proto__" dropped: unsafe_key']);
      expect(console.errors).toEqual([]);
    });

    it('logs a survey the proxy does not have, naming the widget', async () => {
      const { api, console } = page(`<div data-customersure-survey-widget data-widget-params='{"org": "acme", "survey": "gone"}'></div>`);
      api.init();
      await settle();
      expect(console.errors).toEqual([
        '[survey-widget] widget #1: could not reach https://proxy.example/v1/surveys/acme/gone (Failed to fetch)',
      ]);
    });
  });

  describe('toggleWidget()', () => {
    it('sets the page up first when init() was never called, then opens the first widget', async () => {
      const { api } = page(SEED_WIDGET);
      api.toggleWidget();
      await settle();
      expect(hosts()).toHaveLength(1);
      expect(hosts()[0]!.shadowRoot!.querySelector('dialog')?.open).toBe(true);
      api.toggleWidget();
      expect(hosts()).toHaveLength(1);
      expect(hosts()[0]!.shadowRoot!.querySelector('dialog')?.open).toBe(false);
    });

    it('logs one prefixed error when the page has no working widget', () => {
      const { api, console } = page('<p>No widget here</p>');
      api.toggleWidget();
      expect(console.errors).toEqual(['[survey-widget] toggleWidget(): no working [data-customersure-survey-widget] element on the page']);
    });
  });

  it('sends the survey params as they were at init, whatever the page does to the attribute later', async () => {
    const { api, fetch } = page(SEED_WIDGET);
    api.init();
    document.querySelector('[data-customersure-survey-widget]')!.setAttribute('data-survey-params', '{"name": "Someone else", "reference": "INV-0001"}');
    api.toggleWidget();
    await settle();
    const ui = view(hosts()[0]!);
    fireEvent.click(ui.getByRole('radio', { name: '9' }));
    fireEvent.submit(ui.getByRole('button', { name: 'Send feedback' }).closest('form')!);
    await settle();
    const post = fetch.requests.find((r) => r.method === 'POST');
    expect(JSON.parse(post?.body ?? '{}')).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      org: 'acme',
      survey: 'post-purchase',
      answers: [{ question_id: 1, answer: 9 }],
      customer: { name: 'Mariner' },
      segments: { staff_code: 'luke' },
      metadata: { reference: 'INV-2090' },
      locale: 'en',
      page_url: document.URL.split('#')[0],
      submitted_at: FIXED_NOW.toISOString(),
    });
    expect(ui.getByRole('status').textContent).toContain('Thank you!');
  });
});
