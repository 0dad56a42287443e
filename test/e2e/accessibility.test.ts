/**
 * WCAG 2.2 AA in Chromium: axe-core over every state a visitor meets
 * (trigger, each answer type, validation errors, thank-you, a refusal, dark
 * theme, Arabic), and a whole survey completed with the keyboard alone.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { setUpE2E } from './harness';
import { CSAT, INIT, PP, SCRIPT_TAG, SEED_SNIPPET, en, hostPage, postPurchase, shown, supportCsat, widgetElement, widgetOn } from './pages';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const e2e = setUpE2E();

interface AxeResult {
  violations: { id: string; impact: string; help: string; nodes: { target: unknown[]; failureSummary: string }[] }[];
  passes: unknown[];
}

/** Runs axe-core's WCAG 2.0-2.2 A and AA rules over the widget (its shadow root included); returns the violations. */
async function audit(page: Page, state: string): Promise<string[]> {
  // Served by the proxy, not injected inline: demo pages allow only their own inline scripts (by hash).
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ url: e2e.proxy.addFile('axe.min.js', readFileSync(AXE, 'utf8')) });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<AxeResult> } }).axe;
    return axe.run({ include: [['customersure-survey-widget']] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
  });
  console.log(`[a11y] ${state}: ${result.violations.length} violations, ${result.passes.length} rules passed`);
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}

const CSAT_PAGE = hostPage(SCRIPT_TAG + widgetElement({ org: 'acme', survey: 'support-csat' }, { name: 'Sam Lee', plan: 'Growth' }) + INIT);

describe('accessibility (axe-core, WCAG 2.2 AA)', () => {
  it('finds no violation in any state of the post-purchase survey', async () => {
    const { page } = await e2e.open('a11y-pp', hostPage(SEED_SNIPPET));
    const widget = widgetOn(page);
    await shown(widget.trigger);
    expect(await audit(page, 'trigger')).toEqual([]);
    await widget.trigger.click();
    await shown(widget.dialog);
    expect(await audit(page, 'rating, text, dropdown and customer fields')).toEqual([]);
    await widget.textbox(en.field_email).fill('not-an-email');
    await widget.send.click();
    await shown(widget.dialog.getByText(en.error_required));
    expect(await audit(page, 'validation errors')).toEqual([]);
    await widget.rate(PP[1]!, 9);
    await widget.textbox(en.field_email).fill('mariner@example.com');
    await widget.send.click();
    await shown(widget.thanks(postPurchase.thank_you.title));
    expect(await audit(page, 'thank-you')).toEqual([]);
  });

  it('finds no violation in the CSAT survey (all five answer types), a refusal, dark theme and Arabic', async () => {
    const { page } = await e2e.open('a11y-csat', CSAT_PAGE);
    const widget = widgetOn(page, supportCsat);
    await widget.trigger.click();
    await shown(widget.dialog);
    expect(await audit(page, 'rating, radio, dropdown, checkbox and text')).toEqual([]);
    await page.route('**/v1/responses', (route) => route.fulfill({ status: 422, contentType: 'application/json', body: JSON.stringify({ message: 'Validation failed', errors: [{ resource: 'response', field: 'answers[16]', error: 'invalid', extra_info: {} }] }) }));
    await widget.rate(CSAT[11]!, 4);
    await widget.group(CSAT[13]!).getByRole('radio').first().check();
    await widget.textbox(en.field_email).fill('sam@example.com');
    await widget.send.click();
    await shown(widget.dialog.getByRole('alert').getByText(en.send_refused));
    expect(await audit(page, 'refused by the proxy')).toEqual([]);

    const dark = await e2e.open('a11y-dark', hostPage(SCRIPT_TAG + widgetElement({ org: 'acme', survey: 'post-purchase', theme: 'dark' }) + INIT));
    await widgetOn(dark.page).trigger.click();
    await shown(widgetOn(dark.page).dialog);
    expect(await audit(dark.page, 'dark theme')).toEqual([]);

    const arabic = await e2e.open('a11y-ar', hostPage(SCRIPT_TAG + widgetElement({ org: 'acme', survey: 'post-purchase', locale: 'ar' }) + INIT));
    await arabic.page.locator('customersure-survey-widget').evaluate((host) => (host.shadowRoot!.querySelector('.trigger') as HTMLElement).click());
    await shown(arabic.page.getByRole('dialog'));
    expect(await audit(arabic.page, 'Arabic, right to left')).toEqual([]);
  });
});

describe('keyboard only', () => {
  it('completes a whole survey: Tab to the trigger, arrows on the scale, type, choose, send, close; focus returns', async () => {
    const { page, url } = await e2e.open('keyboard', hostPage(SEED_SNIPPET));
    const widget = widgetOn(page);
    await shown(widget.trigger);
    // Tab past the page's own button to the trigger, the last thing on the page.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await widget.trigger.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await shown(widget.dialog);
    const focused = () => page.evaluate(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el ? `${el.tagName.toLowerCase()} ${el.getAttribute('type') ?? ''} ${el.getAttribute('aria-label') ?? el.closest('label')?.textContent ?? ''}`.trim() : '';
    });
    // Focus moves into the dialog (its close button); Tab reaches the scale's first radio next.
    expect(await focused()).toBe(`button button ${en.close}`);
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('input radio 0');
    await page.keyboard.press('Space');
    for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowRight');
    expect(await widget.group(PP[1]!).getByRole('radio', { name: '8', exact: true }).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Fast and friendly');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab'); // name (prefilled)
    await page.keyboard.press('Tab'); // email
    await page.keyboard.type('mariner@example.com');
    await page.keyboard.press('Tab'); // send
    await page.keyboard.press('Enter');
    await shown(widget.thanks(postPurchase.thank_you.title));
    await page.keyboard.press('Escape');
    await expect.poll(() => widget.trigger.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    const [row] = e2e.proxy.rows(url);
    expect(row?.answers.map((a) => a.answer)).toEqual([8, 'Fast and friendly', 'newcastle']);
    expect(row?.customer.email).toBe('mariner@example.com');
  });
});
