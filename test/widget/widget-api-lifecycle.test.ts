import { fireEvent } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { WidgetEvents } from '../../src/widget/widget-events';
import { apiPage, CSAT_WIDGET, hosts, isOpen, SEED_WIDGET, view } from './api-page';
import { settle } from './fixtures';

const TWO_WIDGETS = SEED_WIDGET + CSAT_WIDGET;

describe('open(), close() and toggleWidget() with a survey code', () => {
  it('target the widget of that survey and leave the other alone', async () => {
    const { api } = apiPage(TWO_WIDGETS);
    api.open('support-csat');
    await settle();
    expect([isOpen(hosts()[0]), isOpen(hosts()[1])]).toEqual([false, true]);
    api.close('support-csat');
    api.toggleWidget('post-purchase');
    expect([isOpen(hosts()[0]), isOpen(hosts()[1])]).toEqual([true, false]);
  });

  it('show one survey at a time: opening one closes the other', async () => {
    const { api } = apiPage(TWO_WIDGETS);
    api.open('post-purchase');
    await settle();
    api.open('support-csat');
    expect([isOpen(hosts()[0]), isOpen(hosts()[1])]).toEqual([false, true]);
    api.toggleWidget('post-purchase');
    expect([isOpen(hosts()[0]), isOpen(hosts()[1])]).toEqual([true, false]);
  });

  it('mean the first widget without a code', async () => {
    const { api } = apiPage(TWO_WIDGETS);
    api.open();
    await settle();
    expect(isOpen(hosts()[0])).toBe(true);
    api.open();
    expect(isOpen(hosts()[0])).toBe(true);
    api.close();
    expect(isOpen(hosts()[0])).toBe(false);
  });

  it('log one prefixed error naming a survey code no widget has', async () => {
    const { api, console } = apiPage(SEED_WIDGET);
    api.open('nps-2027');
    expect(console.errors).toEqual(['[survey-widget] open(): no working [data-customersure-survey-widget] element for survey "nps-2027" on the page']);
  });
});

describe('on()', () => {
  it('reports ready, shown, answered, submitted and closed, each with the survey code', async () => {
    const { api } = apiPage(SEED_WIDGET);
    const seen: [string, unknown][] = [];
    for (const event of ['ready', 'shown', 'answered', 'submitted', 'closed', 'error'] as const) {
      api.on(event, (payload) => seen.push([event, payload]));
    }
    api.open();
    await settle();
    const ui = view(hosts()[0]!);
    fireEvent.click(ui.getByRole('radio', { name: '9' }));
    fireEvent.submit(ui.getByRole('button', { name: 'Send feedback' }).closest('form')!);
    await settle();
    api.close();
    expect(seen).toEqual([
      ['ready', { survey: 'post-purchase' }],
      ['shown', { survey: 'post-purchase' }],
      ['answered', { survey: 'post-purchase', question_id: 1, answer: 9 }],
      ['submitted', { survey: 'post-purchase', id: expect.stringMatching(/^[0-9a-f-]{36}$/), delivered: true }],
      ['closed', { survey: 'post-purchase' }],
    ]);
  });

  it('reports a survey that cannot load as an error', async () => {
    const { api } = apiPage(`<div data-customersure-survey-widget data-widget-params='{"org": "acme", "survey": "gone"}'></div>`);
    const errors: WidgetEvents['error'][] = [];
    api.on('error', (payload) => errors.push(payload));
    api.init();
    await settle();
    expect(errors).toEqual([{ survey: 'gone', message: expect.stringContaining('could not reach https://proxy.example/v1/surveys/acme/gone') }]);
  });

  it('stops calling a handler once unsubscribed', async () => {
    const { api } = apiPage(SEED_WIDGET);
    let calls = 0;
    const off = api.on('shown', () => (calls += 1));
    api.open();
    await settle();
    off();
    api.close();
    api.open();
    expect(calls).toBe(1);
  });

  it('survives a handler that throws: the others still run and the error is logged', async () => {
    const { api, console } = apiPage(SEED_WIDGET);
    let later = 0;
    api.on('shown', () => {
      throw new Error('merchant bug');
    });
    api.on('shown', () => (later += 1));
    api.open();
    await settle();
    expect(later).toBe(1);
    expect(isOpen(hosts()[0])).toBe(true);
    expect(console.errors).toEqual(['[survey-widget] an event handler threw: Error: merchant bug']);
  });

  it('goes with a bubbling survey-widget:<event> CustomEvent on the widget’s element', async () => {
    const { api } = apiPage(TWO_WIDGETS);
    const heard: [string, string, unknown][] = [];
    document.addEventListener('survey-widget:shown', (event) => heard.push([event.type, (event.target as Element).id, (event as CustomEvent).detail]));
    api.open('support-csat');
    await settle();
    expect(heard).toEqual([['survey-widget:shown', 'csat', { survey: 'support-csat' }]]);
  });
});

describe('[data-survey-toggle] openers', () => {
  const OPENERS = `<button id="any" data-survey-toggle>Feedback</button><button id="csat-opener" data-survey-toggle="support-csat">Rate support</button>`;

  it('open and close their survey every time they are clicked', async () => {
    apiPage(TWO_WIDGETS + OPENERS).api.init();
    await settle();
    const opener = document.getElementById('csat-opener')!;
    for (let i = 0; i < 3; i++) {
      fireEvent.click(opener);
      expect(isOpen(hosts()[1])).toBe(true);
      fireEvent.click(opener);
      expect(isOpen(hosts()[1])).toBe(false);
    }
    fireEvent.click(document.getElementById('any')!);
    expect(isOpen(hosts()[0])).toBe(true);
  });

  it('work when added after init, also by a click on their content', async () => {
    apiPage(SEED_WIDGET).api.init();
    await settle();
    document.body.insertAdjacentHTML('beforeend', '<button data-survey-toggle="post-purchase"><span id="label">Tell us</span></button>');
    fireEvent.click(document.getElementById('label')!);
    expect(isOpen(hosts()[0])).toBe(true);
  });

  it('leave the page’s own click handlers running', async () => {
    apiPage(SEED_WIDGET + OPENERS).api.init();
    await settle();
    let pageHandler = 0;
    let bubbled = 0;
    document.getElementById('any')!.addEventListener('click', () => (pageHandler += 1));
    document.body.addEventListener('click', () => (bubbled += 1));
    fireEvent.click(document.getElementById('any')!);
    expect([pageHandler, bubbled]).toEqual([1, 1]);
  });

  it('carry aria-haspopup, aria-controls and an aria-expanded kept in step', async () => {
    apiPage(TWO_WIDGETS + OPENERS).api.init();
    await settle();
    const opener = document.getElementById('csat-opener')!;
    expect(opener.getAttribute('aria-haspopup')).toBe('dialog');
    expect(opener.getAttribute('aria-controls')).toBe(hosts()[1]!.id);
    expect(opener.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(opener);
    expect(opener.getAttribute('aria-expanded')).toBe('true');
    expect(document.getElementById('any')!.getAttribute('aria-expanded')).toBe('false');
  });
});

describe('destroy()', () => {
  it('removes every widget node and listener, and init() sets the page up again', async () => {
    const { api } = apiPage(SEED_WIDGET + '<button id="opener" data-survey-toggle>Feedback</button>');
    let shown = 0;
    api.on('shown', () => (shown += 1));
    api.open();
    await settle();
    api.destroy();
    expect(hosts()).toEqual([]);
    fireEvent.click(document.getElementById('opener')!);
    expect(hosts()).toEqual([]);
    expect(shown).toBe(1);

    api.init();
    await settle();
    expect(hosts()).toHaveLength(1);
    fireEvent.click(document.getElementById('opener')!);
    expect(isOpen(hosts()[0])).toBe(true);
    expect(shown).toBe(1);
  });
});
