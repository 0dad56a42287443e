import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { SurveyInput } from '../../src/shared/survey-schema';
import { setUpE2E } from './harness';
import { INIT, SCRIPT_TAG, SEED_PARAMS, SEED_SNIPPET, en, hidden, hostPage, postPurchase, shown, supportCsat, widgetElement, widgetOn } from './pages';

const NO_TRIGGER: SurveyInput = {
  id: 9001,
  name: 'Checkout survey opened by the page',
  title: 'Quick question',
  questions: [{ id: 1, question: 'Was checkout easy?', answer_type: 'Radio', options: ['Yes', 'No'] }],
  trigger: { type: 'none' },
};

const e2e = setUpE2E({ surveys: { 'no-trigger': NO_TRIGGER } });
const boxOf = async (locator: Locator) => {
  await shown(locator);
  const box = await locator.boundingBox();
  if (!box) throw new Error('no box: the element is not rendered');
  return box;
};
const toggle = () => window.CustomerSureSurveyWidget!.toggleWidget();

describe('the seed snippet', () => {
  it('works as written: the trigger appears and toggleWidget() opens and closes the dialog', async () => {
    const { page, widgetLog, pageErrors } = await e2e.open('seed', hostPage(SEED_SNIPPET));
    const widget = widgetOn(page);
    await shown(widget.trigger);
    expect(await widget.trigger.getAttribute('aria-haspopup')).toBe('dialog');

    await page.evaluate(toggle);
    await shown(widget.dialog);
    expect(await widget.trigger.getAttribute('aria-expanded')).toBe('true');
    await page.evaluate(toggle);
    await hidden(widget.dialog);
    expect(await widget.trigger.getAttribute('aria-expanded')).toBe('false');

    expect(widgetLog('error')).toEqual([]);
    expect(widgetLog('warning')).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('ignores changes to data-survey-params after init(): the prefilled and stored name stay the original', async () => {
    const mutate = `<script>document.querySelector('[data-customersure-survey-widget]')
      .setAttribute('data-survey-params', '{"name": "Someone Else", "reference": "INV-9999"}');</script>`;
    const { page, url } = await e2e.open('mutated', hostPage(SEED_SNIPPET + mutate));
    const widget = widgetOn(page);
    await widget.trigger.click();
    await shown(widget.dialog);
    expect(await widget.textbox(en.field_name).inputValue()).toBe('Mariner');

    await widget.rate(postPurchase.questions[0]!.question, 8);
    await widget.send.click();
    await shown(widget.thanks(postPurchase.thank_you.title));
    const [row] = e2e.proxy.rows(url);
    expect(row?.customer).toEqual({ name: 'Mariner' });
    expect(row?.reference).toBe('INV-2090');
  });
});

describe('init() and toggleWidget()', () => {
  it('mounts one widget however often init() is called', async () => {
    const { page } = await e2e.open('init-twice', hostPage(SEED_SNIPPET + INIT + INIT));
    const widget = widgetOn(page);
    await shown(widget.trigger);
    await page.evaluate(() => window.CustomerSureSurveyWidget!.init());
    expect(await widget.hosts.count()).toBe(1);
    expect(await page.getByRole('button', { name: postPurchase.trigger.label }).count()).toBe(1);
  });

  it('initialises first when toggleWidget() comes before init(), as in the seed\'s second example', async () => {
    const button = '<button type="button" id="open-feedback" onclick="CustomerSureSurveyWidget.toggleWidget()">Give feedback</button>';
    const { page, widgetLog } = await e2e.open('toggle-first', hostPage(SCRIPT_TAG + widgetElement({ org: 'acme', survey: 'post-purchase' }, SEED_PARAMS) + button));
    const widget = widgetOn(page);
    expect(await widget.hosts.count()).toBe(0);
    await page.getByRole('button', { name: 'Give feedback' }).click();
    await shown(widget.dialog);
    expect(await widget.textbox(en.field_name).inputValue()).toBe('Mariner');
    expect(await widget.hosts.count()).toBe(1);
    expect(widgetLog('error')).toEqual([]);
  });

  it('shows no button for trigger type "none", and the page\'s own button opens the survey', async () => {
    const button = '<button type="button" onclick="CustomerSureSurveyWidget.toggleWidget()">Tell us about checkout</button>';
    const { page } = await e2e.open('no-trigger', hostPage(SCRIPT_TAG + widgetElement({ org: 'acme', survey: 'no-trigger' }) + INIT + button));
    const dialog = page.getByRole('dialog', { name: NO_TRIGGER.title! });
    await page.getByRole('button', { name: 'Tell us about checkout' }).click();
    await shown(dialog);
    expect(await page.locator('customersure-survey-widget button[aria-haspopup]').count()).toBe(0);
  });
});

describe('the page', () => {
  it('gives each of two widgets its own host, trigger and dialog', async () => {
    const both = widgetElement({ org: 'acme', survey: 'post-purchase' }) + widgetElement({ org: 'acme', survey: 'support-csat' });
    const { page } = await e2e.open('two-widgets', hostPage(SCRIPT_TAG + both + INIT));
    const nps = widgetOn(page, postPurchase);
    const csat = widgetOn(page, supportCsat);
    await shown(nps.trigger);
    await shown(csat.trigger);
    expect(await nps.hosts.count()).toBe(2);

    await csat.trigger.click();
    await shown(csat.dialog);
    expect(await nps.dialog.isVisible()).toBe(false);
    await csat.dialog.getByRole('button', { name: en.close }).click();
    await hidden(csat.dialog);
    await nps.trigger.click();
    await shown(nps.dialog);
  });

  it('places the corner button in the bottom right and the edge tab against the right edge, vertically centred', async () => {
    const both = widgetElement({ org: 'acme', survey: 'post-purchase' }) + widgetElement({ org: 'acme', survey: 'support-csat' });
    const { page } = await e2e.open('trigger-places', hostPage(SCRIPT_TAG + both + INIT));
    const button = await boxOf(widgetOn(page, postPurchase).trigger);
    expect(1280 - (button.x + button.width)).toBeGreaterThanOrEqual(8);
    expect(1280 - (button.x + button.width)).toBeLessThanOrEqual(40);
    expect(800 - (button.y + button.height)).toBeGreaterThanOrEqual(8);
    expect(800 - (button.y + button.height)).toBeLessThanOrEqual(40);

    const tab = await boxOf(widgetOn(page, supportCsat).trigger);
    expect({ right: Math.round(tab.x + tab.width), middle: Math.round(tab.y + tab.height / 2) }).toEqual({ right: 1280, middle: 400 });
  });

  it('closes the dialog on Escape and gives focus back to the trigger', async () => {
    const { page } = await e2e.open('escape', hostPage(SEED_SNIPPET));
    const widget = widgetOn(page);
    await widget.trigger.focus();
    await page.keyboard.press('Enter');
    await shown(widget.dialog);
    expect(await widget.dialog.evaluate((d) => d.contains((d.getRootNode() as ShadowRoot).activeElement))).toBe(true);

    await page.keyboard.press('Escape');
    await hidden(widget.dialog);
    expect(await widget.trigger.evaluate((b) => (b.getRootNode() as ShadowRoot).activeElement === b)).toBe(true);
    expect(await widget.trigger.getAttribute('aria-expanded')).toBe('false');
  });
});
