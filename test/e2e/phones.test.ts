/**
 * Phones in Chromium: a 360x640 screen gets a full-height sheet, the page
 * behind it does not scroll, and when the keyboard shrinks the visual
 * viewport the focused field stays in sight.
 */
import { describe, expect, it } from 'vitest';
import { setUpE2E } from './harness';
import { SEED_SNIPPET, en, hidden, hostPage, shown, widgetOn } from './pages';

const e2e = setUpE2E();
const PHONE = { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const TALL_PAGE = hostPage(`<div style="height: 3000px">Long product page</div>${SEED_SNIPPET}`);

describe('on a 360x640 phone', () => {
  it('shows the survey as a full-height sheet and keeps the page behind it still', async () => {
    const { page } = await e2e.open('phone-sheet', TALL_PAGE, PHONE);
    const widget = widgetOn(page);
    await widget.trigger.tap();
    await shown(widget.dialog);
    expect(await widget.dialog.boundingBox()).toEqual({ x: 0, y: 0, width: 360, height: 640 });
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).overflow)).toBe('hidden');
    // A visitor's scroll (a script could still scroll it; a finger or wheel cannot).
    await page.mouse.move(180, 100);
    await page.mouse.wheel(0, 2000);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);

    await widget.dialog.getByRole('button', { name: en.close }).tap();
    await hidden(widget.dialog);
    expect(await page.evaluate(() => document.documentElement.style.overflow)).toBe('');
    await page.mouse.wheel(0, 600);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  });

  it('shrinks the sheet with the visual viewport when the keyboard opens, keeping the focused field visible', async () => {
    const { page } = await e2e.open('phone-keyboard', TALL_PAGE, PHONE);
    const widget = widgetOn(page);
    await widget.trigger.tap();
    await shown(widget.dialog);
    const email = widget.textbox(en.field_email);
    await email.focus();
    // The on-screen keyboard takes the lower half of the screen: the visual viewport shrinks to 300px.
    await page.setViewportSize({ width: 360, height: 300 });
    await expect.poll(async () => (await widget.dialog.boundingBox())?.height).toBe(300);
    const box = (await email.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(300);
    expect(await widget.dialog.getByRole('button', { name: en.submit }).isVisible()).toBe(true);
  });
});
