/**
 * The shipped demo pages (demo/*.html) in Chromium, served by the proxy
 * under the Content-Security-Policy it gives demo pages: only its own
 * scripts and the pages' inline snippets, by hash. Every page must still do
 * everything it shows, with no policy violation.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { REPO, setUpE2E } from './harness';
import { INIT, PP, hostPage, postPurchase, shown, supportCsat, widgetElement, widgetOn } from './pages';

const e2e = setUpE2E();
const DEMO_FILES = ['index.html', 'support.html', 'demo.js', 'demo.css', 'favicon.svg'];

/** A page of the demo, in a context that records every securitypolicyviolation and uncaught error. */
async function openDemo(file: string): Promise<{ page: Page; violations: () => Promise<string[]>; errors: string[] }> {
  for (const name of DEMO_FILES) e2e.proxy.addFile(name, readFileSync(join(REPO, 'demo', name), 'utf8'));
  const context = await e2e.context();
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { violations: string[] }).violations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const res = await page.goto(`${e2e.proxy.origin}/${file}`);
  expect(res?.headers()['content-security-policy']).toMatch(/script-src 'self' 'sha256-/);
  return { page, errors, violations: () => page.evaluate(() => (window as unknown as { violations: string[] }).violations) };
}

/** The trigger wears the brand colour: the widget's stylesheet was adopted under the policy. */
const brandColour = (page: Page, survey: Parameters<typeof widgetOn>[1] = postPurchase) => widgetOn(page, survey).trigger.evaluate((b) => getComputedStyle(b).backgroundColor);

describe('the demo pages under the proxy’s Content-Security-Policy', () => {
  it('the order page runs its snippet and its own script, and a response goes through', async () => {
    const { page, errors, violations } = await openDemo('index.html');
    const widget = widgetOn(page);
    await shown(widget.trigger);
    expect(await brandColour(page)).toBe('rgb(79, 70, 229)');
    // demo.js, a file of the demo, drives the fake checkout; the survey shows itself after it.
    await page.getByRole('button', { name: 'Complete checkout' }).click();
    await shown(page.getByText('Payment complete.'));
    await shown(widget.dialog);
    await widget.rate(PP[1]!, 9);
    await widget.send.click();
    await shown(widget.thanks(postPurchase.thank_you.title));
    expect(e2e.proxy.rows(`${e2e.proxy.origin}/index.html`)).toHaveLength(1);
    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('the support page runs its snippet and shows its survey', async () => {
    const { page, errors, violations } = await openDemo('support.html');
    const widget = widgetOn(page, supportCsat);
    await shown(widget.trigger);
    expect(await brandColour(page, supportCsat)).toBe('rgb(79, 70, 229)');
    await widget.trigger.click();
    await shown(widget.dialog);
    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('a page’s inline style, style attribute and onclick run, while a script injected later is blocked', async () => {
    const html = hostPage(`<div id="tall" style="height: 3000px">Long page</div><script src="/survey_widget.js"></script>${widgetElement({ org: 'acme', survey: 'post-purchase' })}${INIT}`);
    const opened = await e2e.open('demo-csp-host', html);
    await shown(widgetOn(opened.page).trigger);
    expect(await opened.page.locator('#tall').evaluate((el) => el.getBoundingClientRect().height)).toBe(3000);
    await opened.page.getByRole('button', { name: 'Page button' }).click();
    await shown(opened.page.getByRole('button', { name: 'Page button clicked' }));
    const ran = await opened.page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true;';
      document.body.append(script);
      return (window as unknown as { injected?: boolean }).injected === true;
    });
    expect(ran).toBe(false);
    expect(opened.pageErrors).toEqual([]);
  });
});
