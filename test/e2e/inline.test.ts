/**
 * Inline surveys (`"display": "inline"`) in Chromium against the real proxy:
 * two inline surveys and a popover on one page, a response sent from one of
 * them and stored, the page's open() bringing one into view, a phone, Arabic
 * right to left, the survey as a page's only content (the hosted survey page)
 * and axe-core over each. Screenshots go to screenshots/inline-*.png for a
 * person to look at.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { stringsFor } from '../../src/shared/i18n/catalog';
import type { SurveyInput } from '../../src/shared/survey-schema';
import { setUpE2E } from './harness';
import { CSAT, INIT, PP, SCRIPT_TAG, SEED_PARAMS, en, hidden, hostPage, inlineOn, postPurchase, shown, supportCsat, widgetElement, widgetOn } from './pages';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const DIR = fileURLToPath(new URL('../../screenshots/', import.meta.url));
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

/** A popover survey to share the page with the inline ones. */
const POLL: SurveyInput = {
  id: 7301, name: 'Quick poll', title: 'Quick poll', trigger: { type: 'button', label: 'Quick poll' },
  questions: [{ id: 1, question: 'Did you find what you came for?', answer_type: 'Radio', options: ['Yes', 'No'], required: true }],
};
const ARABIC: SurveyInput = {
  id: 7302, name: 'كيف كانت تجربتك؟', locale: 'ar', trigger: { type: 'none' },
  intro: 'سؤالان سريعان عن طلبك.',
  questions: [
    { id: 1, question: 'ما مدى احتمال أن توصي بنا لصديق؟', answer_type: 'Rating', scale: 'nps', required: true },
    { id: 2, question: 'ما السبب الرئيسي لتقييمك؟', answer_type: 'Text' },
  ],
  customer_fields: [{ field: 'email' }],
};

const e2e = setUpE2E({ surveys: { 'quick-poll': POLL, 'arabic-nps': ARABIC } });

const inline = (survey: string, surveyParams?: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  widgetElement({ org: 'acme', survey, display: 'inline', ...extra }, surveyParams);

/** Records every survey-widget:<event> as `event:survey`, from before init(). */
const RECORD_EVENTS = `<script>window.__events = [];
for (const name of ['ready', 'shown', 'answered', 'submitted', 'closed', 'error']) {
  document.addEventListener('survey-widget:' + name, (event) => window.__events.push(name + ':' + event.detail.survey));
}</script>`;

/** A shop page with two inline surveys in its flow and a popover survey with its trigger. */
const MIXED_PAGE = hostPage(
  `${SCRIPT_TAG}<h2>Tell us how it went</h2>${inline('post-purchase', SEED_PARAMS)}<p>Questions about support?</p>` +
    `${inline('support-csat', { name: 'Sam Lee', plan: 'Growth' })}${widgetElement({ org: 'acme', survey: 'quick-poll' })}${RECORD_EVENTS}${INIT}`,
);

/** Like the hosted survey page: the survey is the page's only content. */
const surveyPage = (element: string, lang = 'en') => `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Your feedback</title>
<style>body{margin:0;padding:32px 16px;background:#f3f4f6}</style></head>
<body><main>${SCRIPT_TAG}${element}${INIT}</main></body>
</html>`;

/** Saves a screenshot as screenshots/inline-{name}.png (the viewport, or the whole page). */
async function snap(page: Page, name: string, fullPage = false): Promise<void> {
  await page.mouse.move(0, 0); // no hover highlight left wherever the last click was
  const png = await page.screenshot({ path: join(DIR, `inline-${name}.png`), fullPage, animations: 'disabled', caret: 'hide' });
  expect(png.subarray(1, 4).toString()).toBe('PNG');
}

interface AxeResult {
  violations: { id: string; impact: string; help: string; nodes: { target: unknown[] }[] }[];
}

/** axe-core's WCAG 2.0-2.2 A and AA rules over the widget elements (shadow roots included); returns the violations. */
async function audit(page: Page): Promise<string[]> {
  // Served by the proxy, not injected inline: demo pages allow only their own inline scripts (by hash).
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ url: e2e.proxy.addFile('axe.min.js', readFileSync(AXE, 'utf8')) });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<AxeResult> } }).axe;
    return axe.run({ include: [['[data-customersure-survey-widget]'], ['customersure-survey-widget']] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
  });
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}

const isFocused = (heading: ReturnType<typeof inlineOn>['heading']) =>
  heading.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement);

describe('inline surveys', () => {
  beforeAll(() => {
    mkdirSync(DIR, { recursive: true });
  });

  it('stand in the flow of the page beside a popover, and one answered and sent is stored', async () => {
    const { page, url, widgetLog, pageErrors } = await e2e.open('inline-mixed', MIXED_PAGE, DESKTOP);
    const pp = inlineOn(page);
    const csat = inlineOn(page, supportCsat);
    const poll = widgetOn(page, { title: 'Quick poll', trigger: { label: 'Quick poll' } });
    await shown(pp.region);
    await shown(csat.region);
    await shown(poll.trigger);

    // In the order the page put them, below its own content; no trigger and no dialog of their own.
    const heading = (await page.getByRole('heading', { name: 'Tell us how it went' }).boundingBox())!;
    const [first, second] = [(await pp.region.boundingBox())!, (await csat.region.boundingBox())!];
    expect(first.y).toBeGreaterThan(heading.y + heading.height);
    expect(second.y).toBeGreaterThan(first.y + first.height);
    expect(first.width).toBe(640);
    expect(await page.locator('[data-customersure-survey-widget] customersure-survey-widget').evaluateAll((els) => els.map((el) => getComputedStyle(el).display))).toEqual(['block', 'block']);
    expect(await page.getByRole('button', { name: postPurchase.trigger.label, exact: true }).count()).toBe(0);
    expect(await page.getByRole('button', { name: supportCsat.trigger.label, exact: true }).count()).toBe(0);
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await pp.textbox(en.field_name).inputValue()).toBe('Mariner');
    await snap(page, 'desktop-two-inline-and-a-popover');
    await snap(page, 'desktop-two-inline-and-a-popover-full', true);

    await pp.rate(PP[1]!, 9);
    await pp.textbox(PP[2]!).fill('Quick delivery.');
    await pp.select(PP[3]!).selectOption('leeds');
    await pp.textbox(en.field_email).fill('mariner@example.com');
    await pp.send.click();
    await shown(pp.thanks(postPurchase.thank_you.title));
    // The thank-you, shorter than the form, is brought into view with focus on the survey's heading;
    // there is nothing to close.
    const thanks = (await pp.thanks(postPurchase.thank_you.title).boundingBox())!;
    expect(thanks.y).toBeGreaterThan(0);
    expect(thanks.y + thanks.height).toBeLessThan(800);
    await expect.poll(() => isFocused(pp.heading)).toBe(true);
    expect(await pp.region.getByRole('button').count()).toBe(0);
    await snap(page, 'desktop-thank-you');

    const rows = e2e.proxy.rows(url);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ survey: 'post-purchase', customer: { name: 'Mariner', email: 'mariner@example.com' }, segments: { staff_code: 'luke', site_code: 'leeds' }, reference: 'INV-2090' });
    expect(rows[0]!.answers.map((a) => a.answer)).toEqual([9, 'Quick delivery.', 'leeds']);

    // The other inline survey is untouched, and the popover still opens over the page and closes.
    expect(await csat.send.isVisible()).toBe(true);
    await poll.trigger.click();
    await shown(poll.dialog);
    await page.keyboard.press('Escape');
    await hidden(poll.dialog);
    await shown(csat.region);

    const events = await page.evaluate(() => (window as unknown as { __events: string[] }).__events);
    expect(new Set(events)).toEqual(new Set([
      'ready:post-purchase', 'shown:post-purchase', 'answered:post-purchase', 'submitted:post-purchase',
      'ready:support-csat', 'shown:support-csat', 'ready:quick-poll', 'shown:quick-poll', 'closed:quick-poll',
    ]));
    expect(events.indexOf('shown:post-purchase')).toBeGreaterThan(events.indexOf('ready:post-purchase'));
    expect(widgetLog('error')).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('come into view with the heading focused on open() and toggleWidget(); close() leaves them and logs nothing', async () => {
    const page1 = hostPage(`<div style="height: 2400px">Long product page</div>${SCRIPT_TAG}${inline('post-purchase')}${INIT}`);
    const { page, widgetLog } = await e2e.open('inline-open', page1, DESKTOP);
    const pp = inlineOn(page);
    await shown(pp.heading);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);

    await page.evaluate(() => window.CustomerSureSurveyWidget!.open('post-purchase'));
    await expect.poll(() => isFocused(pp.heading)).toBe(true);
    const box = (await pp.region.boundingBox())!;
    expect(Math.abs(box.y)).toBeLessThan(1); // scrolled to the top of the viewport, give or take a subpixel

    await page.evaluate(() => window.CustomerSureSurveyWidget!.close('post-purchase'));
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.evaluate(() => window.CustomerSureSurveyWidget!.toggleWidget('post-purchase'));
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(2000);
    expect(await isFocused(pp.heading)).toBe(true);
    expect(await pp.region.isVisible()).toBe(true);
    expect(widgetLog('error')).toEqual([]);
  });

  it('fit a 390px phone as the page’s only content, and are answered and sent by tapping', async () => {
    const { page, url } = await e2e.open('inline-phone', surveyPage(inline('post-purchase', SEED_PARAMS)), PHONE);
    const pp = inlineOn(page);
    await shown(pp.region);
    const card = (await pp.region.boundingBox())!;
    expect(card.x).toBeGreaterThanOrEqual(16);
    expect(card.x + card.width).toBeLessThanOrEqual(390 - 16);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
    // The 0-10 scale keeps one row of targets, inside the card.
    const zero = (await pp.group(PP[1]!).getByRole('radio', { name: '0', exact: true }).boundingBox())!;
    const ten = (await pp.group(PP[1]!).getByRole('radio', { name: '10', exact: true }).boundingBox())!;
    expect(ten.y).toBe(zero.y);
    expect(ten.x + ten.width).toBeLessThanOrEqual(card.x + card.width);
    expect((await pp.group(PP[1]!).locator('.option').first().boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await snap(page, 'phone');
    await snap(page, 'phone-full', true);

    await pp.group(PP[1]!).getByRole('radio', { name: '8', exact: true }).tap();
    await pp.textbox(en.field_email).tap();
    await page.keyboard.type('mariner@example.com');
    await pp.send.tap();
    await shown(pp.thanks(postPurchase.thank_you.title));
    await snap(page, 'phone-thank-you');
    expect(e2e.proxy.rows(url).map((r) => r.answers[0]?.answer)).toEqual([8]);
  });

  it('sit centred at a comfortable width as the only content of a desktop page', async () => {
    const { page } = await e2e.open('inline-full-page', surveyPage(inline('support-csat', { name: 'Sam Lee', plan: 'Growth' })), DESKTOP);
    const csat = inlineOn(page, supportCsat);
    await shown(csat.region);
    const card = (await csat.region.boundingBox())!;
    expect(card.width).toBe(640);
    expect(Math.abs(card.x - (1280 - card.x - card.width))).toBeLessThanOrEqual(1);
    await snap(page, 'desktop-full-page');
    await csat.send.click();
    await shown(csat.group(CSAT[11]!).getByText(en.error_required));
    await snap(page, 'desktop-full-page-errors', true);
  });

  it('lay Arabic out right to left: the heading on the right, the scale from 0 on the right', async () => {
    const { page } = await e2e.open('inline-ar', surveyPage(inline('arabic-nps'), 'ar'), DESKTOP);
    const ar = inlineOn(page, { title: ARABIC.name });
    await shown(ar.region);
    expect(await page.locator('[data-customersure-survey-widget] customersure-survey-widget').evaluate((host) => host.shadowRoot!.querySelector('.root')!.getAttribute('dir'))).toBe('rtl');
    const card = (await ar.region.boundingBox())!;
    const title = (await ar.heading.boundingBox())!;
    expect(card.x + card.width - (title.x + title.width)).toBeLessThan(40);
    const zero = (await ar.region.getByRole('radio', { name: '0', exact: true }).boundingBox())!;
    const ten = (await ar.region.getByRole('radio', { name: '10', exact: true }).boundingBox())!;
    expect(zero.x).toBeGreaterThan(ten.x);
    expect(await ar.region.getByRole('button', { name: stringsFor('ar').submit }).count()).toBe(1);
    await ar.region.getByRole('radio', { name: '8', exact: true }).check();
    await snap(page, 'desktop-arabic');
  });

  it('have no axe-core violation: loaded, with errors, thanking, dark and Arabic', async () => {
    const { page } = await e2e.open('inline-a11y', MIXED_PAGE, DESKTOP);
    const pp = inlineOn(page);
    const csat = inlineOn(page, supportCsat);
    await shown(pp.region);
    await shown(csat.region);
    await shown(widgetOn(page, { title: 'Quick poll', trigger: { label: 'Quick poll' } }).trigger);
    expect(await audit(page)).toEqual([]);
    await csat.send.click();
    await shown(csat.group(CSAT[11]!).getByText(en.error_required));
    expect(await audit(page)).toEqual([]);
    await pp.rate(PP[1]!, 10);
    await pp.send.click();
    await shown(pp.thanks(postPurchase.thank_you.title));
    expect(await audit(page)).toEqual([]);

    const dark = await e2e.open('inline-a11y-dark', surveyPage(inline('post-purchase', SEED_PARAMS, { theme: 'dark' })), DESKTOP);
    await shown(inlineOn(dark.page).region);
    await inlineOn(dark.page).rate(PP[1]!, 9);
    expect(await audit(dark.page)).toEqual([]);
    await snap(dark.page, 'desktop-dark');

    const arabic = await e2e.open('inline-a11y-ar', surveyPage(inline('arabic-nps'), 'ar'), PHONE);
    await shown(inlineOn(arabic.page, { title: ARABIC.name }).region);
    expect(await audit(arabic.page)).toEqual([]);
    await snap(arabic.page, 'phone-arabic');
  });
});
