import { chromium, type Browser, type Page } from 'playwright-core';
import { percentile } from './measure';

/** A dashboard view to load, and the selector that exists only once its data is on screen. */
export interface RenderView {
  label: string;
  /** The hash, `#/overview?…`. */
  hash: string;
  /** Present only after the view's data rendered (not while "Loading…"). */
  ready: string;
}

export interface RenderTiming {
  median: number;
  max: number;
  runs: number;
}

// As test/e2e/harness.ts launches it (that module registers vitest hooks, so it is not imported here):
// Debian's Chromium with the flags this machine needs, never a downloaded browser.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const WAIT_MS = 30_000;

/**
 * Opens the dashboard at `origin` in Chromium, signs in through its form (the
 * token typed, the form submitted) and then, for each view, times `runs`
 * fresh navigations after one untimed one (so the HTTP cache is warm, as for
 * a returning reader): from `page.goto` to the view's data painted, that is
 * its `ready` selector present and two animation frames after it. Each run
 * starts from about:blank, so it is a whole page load, not a hash change.
 */
export async function measureRenders(origin: string, token: string, views: readonly RenderView[], runs: number): Promise<Map<string, RenderTiming>> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: WAIT_MS });
  try {
    const page = await signIn(browser, origin, token);
    const timings = new Map<string, RenderTiming>();
    for (const view of views) {
      const samples: number[] = [];
      for (let i = 0; i <= runs; i++) {
        const ms = await loadView(page, `${origin}/dashboard/${view.hash}`, view.ready);
        if (i > 0) samples.push(ms);
      }
      timings.set(view.label, { median: percentile(samples, 50), max: Math.max(...samples), runs });
    }
    return timings;
  } finally {
    await browser.close();
  }
}

async function signIn(browser: Browser, origin: string, token: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
  context.setDefaultTimeout(WAIT_MS);
  const page = await context.newPage();
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  await page.goto(`${origin}/dashboard/`);
  await page.locator('input[name="token"]').fill(token);
  await page.locator('form.sign-in button[type="submit"]').click();
  await page.waitForFunction(() => document.querySelector('main#main h1') !== null && document.querySelector('.loading') === null && !document.querySelector('form.sign-in'));
  if (errors.length) throw new Error(`the dashboard threw while signing in: ${errors.map((e) => e.message).join('; ')}`);
  return page;
}

/** One timed whole-page load of `url` until `ready` is painted, in ms. */
async function loadView(page: Page, url: string, ready: string): Promise<number> {
  await page.goto('about:blank');
  const started = performance.now();
  await page.goto(url);
  await page.locator(ready).first().waitFor({ state: 'visible' });
  // Present in the DOM is not yet on screen: the second frame callback runs after the first frame with it has painted.
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
  return performance.now() - started;
}
