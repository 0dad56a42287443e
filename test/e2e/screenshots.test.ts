/**
 * Screenshots of every state a visitor sees, for a person to review: written
 * to screenshots/ (gitignored). The test only proves they were taken; the
 * looking is done by eye.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SurveyInput } from '../../src/shared/survey-schema';
import { stringsFor } from '../../src/shared/i18n/catalog';
import { setUpE2E } from './harness';
import { CSAT, INIT, PP, SCRIPT_TAG, SEED_SNIPPET, en, hostPage, postPurchase, shown, supportCsat, widgetElement, widgetOn } from './pages';

const DIR = fileURLToPath(new URL('../../screenshots/', import.meta.url));
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const CSAT_PAGE = hostPage(SCRIPT_TAG + widgetElement({ org: 'acme', survey: 'support-csat' }, { name: 'Sam Lee', plan: 'Growth' }) + INIT);

/** An Arabic survey, for the right-to-left screenshot. */
const ARABIC: SurveyInput = {
  id: 7201, name: 'كيف كانت تجربتك؟', locale: 'ar', trigger: { type: 'button' },
  intro: 'سؤالان سريعان عن طلبك.',
  questions: [
    { id: 1, question: 'ما مدى احتمال أن توصي بنا لصديق؟', answer_type: 'Rating', scale: 'nps', required: true },
    { id: 2, question: 'ما السبب الرئيسي لتقييمك؟', answer_type: 'Text' },
  ],
  customer_fields: [{ field: 'email' }],
};

const e2e = setUpE2E({ surveys: { 'arabic-nps': ARABIC } });

/** Saves the viewport and checks the file is a PNG of the viewport's pixel size with real content. */
async function snap(page: Page, name: string, { width, height }: { width: number; height: number }, scale = 1): Promise<void> {
  const path = join(DIR, `${name}.png`);
  await page.mouse.move(0, 0); // no hover highlight left wherever the last click was
  await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
  const png = readFileSync(path);
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([width * scale, height * scale]);
  // A blank viewport compresses to a few KB; a rendered page with the widget is far larger.
  expect(png.length).toBeGreaterThan(15_000);
}

/** Scrolls the dialog's scrolling body to its end, to show the last fields and the send button. */
async function scrollDialogToEnd(page: Page): Promise<void> {
  await page.locator('customersure-survey-widget dialog [class]').evaluateAll((els) => {
    for (const el of els) if (el.scrollHeight > el.clientHeight + 1) el.scrollTop = el.scrollHeight;
  });
}

describe('screenshots', () => {
  beforeAll(() => {
    // Not emptied first: other test files (isolation) write their screenshots here too.
    mkdirSync(DIR, { recursive: true });
  });

  it('show the desktop page with its trigger, the post-purchase dialog and its thank-you', async () => {
    const { page } = await e2e.open('shot-desktop', hostPage(SEED_SNIPPET), DESKTOP);
    const widget = widgetOn(page);
    await shown(widget.trigger);
    await snap(page, '1-desktop-trigger', DESKTOP.viewport!);

    await widget.trigger.click();
    await shown(widget.dialog);
    await snap(page, '2-desktop-dialog-post-purchase', DESKTOP.viewport!);
    await widget.rate(PP[1]!, 9);
    await widget.select(PP[3]!).selectOption('leeds');
    await widget.textbox(en.field_email).fill('mariner@example.com');
    await scrollDialogToEnd(page);
    await snap(page, '2b-desktop-dialog-post-purchase-end', DESKTOP.viewport!);

    await widget.send.click();
    await shown(widget.thanks(postPurchase.thank_you.title));
    await snap(page, '5-desktop-thank-you', DESKTOP.viewport!);
  });

  it('show the thank-you of a response saved to be sent later, while the proxy is unreachable', async () => {
    e2e.proxy.setResponsesDown(true);
    try {
      const { page } = await e2e.open('shot-queued', hostPage(SEED_SNIPPET), DESKTOP);
      const widget = widgetOn(page);
      await widget.trigger.click();
      await widget.rate(PP[1]!, 4);
      await widget.send.click();
      await shown(widget.dialog.getByText(en.queued_text));
      await snap(page, '5b-desktop-thank-you-saved-for-later', DESKTOP.viewport!);
    } finally {
      e2e.proxy.setResponsesDown(false);
    }
  });

  it('show the desktop CSAT dialog and its validation errors', async () => {
    const { page } = await e2e.open('shot-csat', CSAT_PAGE, DESKTOP);
    const widget = widgetOn(page, supportCsat);
    await shown(widget.trigger);
    await snap(page, '3a-desktop-csat-trigger', DESKTOP.viewport!);
    await widget.trigger.click();
    await shown(widget.dialog);
    await snap(page, '3-desktop-dialog-csat', DESKTOP.viewport!);

    await widget.send.click();
    await shown(widget.group(CSAT[11]!).getByText(en.error_required));
    await snap(page, '4-desktop-validation-error', DESKTOP.viewport!);
    await scrollDialogToEnd(page);
    await snap(page, '4b-desktop-validation-error-end', DESKTOP.viewport!);
  });

  it('show the dark theme', async () => {
    const { page } = await e2e.open('shot-dark', hostPage(SCRIPT_TAG + widgetElement({ org: 'acme', survey: 'post-purchase', theme: 'dark' }, { name: 'Mariner' }) + INIT), DESKTOP);
    const widget = widgetOn(page);
    await widget.trigger.click();
    await shown(widget.dialog);
    await widget.rate(PP[1]!, 9);
    await snap(page, '9-desktop-dark', DESKTOP.viewport!);
  });

  it('show an Arabic survey, right to left', async () => {
    const { page } = await e2e.open('shot-arabic', hostPage(SCRIPT_TAG + widgetElement({ org: 'acme', survey: 'arabic-nps' }) + INIT), DESKTOP);
    await page.getByRole('button', { name: stringsFor('ar').trigger }).click();
    const dialog = page.getByRole('dialog', { name: ARABIC.name });
    await shown(dialog);
    await dialog.getByRole('radio', { name: '8', exact: true }).check();
    await snap(page, '7-desktop-arabic', DESKTOP.viewport!);
  });

  it('show the phone dialog', async () => {
    const { page } = await e2e.open('shot-phone', hostPage(SEED_SNIPPET), PHONE);
    const widget = widgetOn(page);
    await shown(widget.trigger);
    await snap(page, '6a-phone-trigger', PHONE.viewport!, 2);
    await widget.trigger.tap();
    await shown(widget.dialog);
    await snap(page, '6-phone-dialog', PHONE.viewport!, 2);
    await scrollDialogToEnd(page);
    await snap(page, '6b-phone-dialog-end', PHONE.viewport!, 2);
  });
});
