/**
 * The results dashboard as a reader meets it, for dashboard.test.ts: one
 * proxy seeded with the demo's history (1,200 responses over four months, 4
 * sites, 6 staff, 40 invitations) through its own HTTP API, signed-in pages,
 * an axe-core audit of the whole document, and screenshots. Every name comes
 * from the dashboard's English strings, so a reworded label fails here with
 * the new text to hand.
 */
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { beforeAll, expect } from 'vitest';
import { seedDemo } from '../../scripts/demo/seed-demo';
import { en } from '../../src/dashboard/i18n/en';
import { RATE_LIMITS_OFF } from '../../src/proxy/config';
import { E2E_API_TOKEN, setUpE2E, WAIT_MS, type RunningProxy } from './harness';

export { en };

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
/** Gitignored, like the widget's screenshots one level up; a person looks at these. */
export const SHOT_DIR = fileURLToPath(new URL('../../screenshots/dashboard/', import.meta.url));

/** demo/surveys/acme/support-csat.json */
const SUPPORT_SURVEY_ID = 2166;

const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

/** Every look a view is audited and shot in. */
export const LOOKS = [
  { name: 'desktop-light', options: { ...DESKTOP, colorScheme: 'light' } },
  { name: 'desktop-dark', options: { ...DESKTOP, colorScheme: 'dark' } },
  { name: 'phone-light', options: { ...PHONE, colorScheme: 'light' } },
  { name: 'phone-dark', options: { ...PHONE, colorScheme: 'dark' } },
] as const satisfies readonly { name: string; options: BrowserContextOptions }[];

/** The v1 API's headers, as the seed sends them. */
export const API_HEADERS = { Accept: 'application/vnd.customersure.v1+json', 'User-Agent': 'dashboard-e2e', Authorization: `Token token="${E2E_API_TOKEN}"` };

export interface SignedIn {
  page: Page;
  context: BrowserContext;
  /** Uncaught exceptions on the page: a view that throws fails its test. */
  pageErrors: Error[];
}

export interface DashboardE2E {
  readonly proxy: RunningProxy;
  /** `{origin}/dashboard/{hash}` */
  url(hash?: string): string;
  /** A fresh context on the sign-in form (nothing signed in). */
  signedOut(options?: BrowserContextOptions): Promise<SignedIn>;
  /** A fresh context signed in through `POST /dashboard/api/session`, opened at `hash` and loaded. */
  signedIn(hash?: string, options?: BrowserContextOptions): Promise<SignedIn>;
}

/**
 * The e2e harness (the app as shipped, through wireApp, on a free port) with
 * acme seeded by `seedDemo`, as `npm start` seeds it, once for the whole file.
 */
export function setUpDashboard(): DashboardE2E {
  // The seed posts 1,200 responses from one address in seconds, and every test signs in: a load, not a visitor.
  const e2e = setUpE2E({ rateLimits: RATE_LIMITS_OFF });
  beforeAll(async () => {
    mkdirSync(SHOT_DIR, { recursive: true });
    await seedDemo({ origin: e2e.proxy.origin, token: E2E_API_TOKEN, log: () => undefined });
  }, 120_000);

  const url = (hash = '') => `${e2e.proxy.origin}/dashboard/${hash}`;
  async function open(options: BrowserContextOptions | undefined): Promise<SignedIn> {
    const context = await e2e.context({ ...DESKTOP, ...options });
    const page = await context.newPage();
    const pageErrors: Error[] = [];
    page.on('pageerror', (error) => pageErrors.push(error));
    return { page, context, pageErrors };
  }
  return {
    get proxy() {
      return e2e.proxy;
    },
    url,
    async signedOut(options) {
      const opened = await open(options);
      await opened.page.goto(url());
      await opened.page.getByRole('heading', { name: en.signInTitle, level: 1 }).waitFor();
      return opened;
    },
    async signedIn(hash = '', options) {
      const opened = await open(options);
      // The context's request client shares its cookie jar: the page starts signed in.
      const reply = await opened.context.request.post(url('api/session'), { data: { token: E2E_API_TOKEN } });
      expect(reply.status()).toBe(204);
      await opened.page.goto(url(hash));
      await settled(opened.page);
      return opened;
    },
  };
}

/** `expect.poll` with the harness's bound instead of vitest's one second: a view's data is a fetch away. */
export function eventually<T>(read: () => T | Promise<T>) {
  return expect.poll(read, { timeout: WAIT_MS, interval: 50 });
}

/** Waits until the signed-in shell shows a view with nothing still loading. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('main#main h1') !== null && document.querySelector('.loading') === null, undefined, { timeout: WAIT_MS });
}

/** Follows a link of the section nav and waits for its view to load. */
export async function goTo(page: Page, section: string): Promise<void> {
  await page.getByRole('navigation', { name: en.navLabel }).getByRole('link', { name: section, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: section }).waitFor();
  await settled(page);
}

export type ViewName = 'sign-in' | 'overview' | 'league' | 'responses' | 'response' | 'invitations' | 'invitation';

/**
 * Walks a signed-out page through every view a reader meets, calling `atEach`
 * once each has loaded: the sign-in form, signing in through it, the four
 * sections, a response (a support one with a comment: the detail with the
 * most to show) and an invitation.
 */
export async function tourViews(page: Page, atEach: (view: ViewName) => Promise<void>): Promise<void> {
  await atEach('sign-in');
  await page.getByLabel(en.tokenLabel).fill(E2E_API_TOKEN);
  await page.getByLabel(en.tokenLabel).press('Enter');
  await page.getByRole('heading', { level: 1, name: en.overviewTitle }).waitFor();
  await settled(page);
  await atEach('overview');
  await goTo(page, en.navLeague);
  await atEach('league');
  await goTo(page, en.navResponses);
  await atEach('responses');
  const list = (await (await page.request.get(new URL('api/responses?period=30-days&limit=25', page.url()).href)).json()) as {
    items: { id: number; survey_id: number; excerpt: string | null }[];
  };
  const rich = list.items.find((r) => r.survey_id === SUPPORT_SURVEY_ID && r.excerpt) ?? list.items[0]!;
  await page.locator(`a[href^="#/responses/${rich.id}?"], a[href="#/responses/${rich.id}"]`).click();
  await page.getByRole('heading', { level: 1, name: `Response ${rich.id}` }).waitFor();
  await settled(page);
  await atEach('response');
  await goTo(page, en.navInvitations);
  await atEach('invitations');
  await page.getByRole('table', { name: en.invitationsCaption }).locator('tbody th a').first().click();
  await page.getByRole('heading', { level: 1, name: /^Invitation \d+$/ }).waitFor();
  await settled(page);
  await atEach('invitation');
}

/** The big number of an overview card (a named region). */
export function cardNumber(page: Page, card: string): Locator {
  return page.getByRole('region', { name: card, exact: true }).locator('.big');
}

/** Digits and sign of a formatted number, as a number: "1,204" → 1204, "+38" → 38, "−12" → -12. */
export function numberIn(text: string): number {
  const cleaned = text.replace(/[\u2212\u2013]/g, '-').replace(/[^\d.-]/g, '');
  return Number(cleaned);
}

/** Each body row's cells' text (its th first). */
export async function tableRows(table: Locator): Promise<string[][]> {
  return table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => (cell.textContent ?? '').trim())));
}

/** The text of each header of a table, in order. */
export async function tableHeaders(table: Locator): Promise<string[]> {
  return table.locator('thead th').evaluateAll((cells) => cells.map((cell) => (cell.textContent ?? '').replace(/[▲▼↕]/g, '').trim()));
}

interface AxeResult {
  violations: { id: string; impact: string; help: string; nodes: { target: unknown[] }[] }[];
  passes: unknown[];
}

/** axe-core's WCAG 2.0-2.2 A and AA rules (the tags the widget's audit uses) over the whole document; returns the violations. */
export async function audit(page: Page, state: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    // The dashboard's CSP allows only its own scripts; axe goes in through the devtools protocol instead of a tag.
    await page.evaluate(readFileSync(AXE, 'utf8'));
  }
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<AxeResult> } }).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
  });
  console.log(`[a11y] dashboard ${state}: ${result.violations.length} violations, ${result.passes.length} rules passed`);
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}

/** Saves the whole page (or the viewport) as `screenshots/dashboard/{name}.png` and checks it is a real, non-blank PNG. */
export async function snap(page: Page, name: string, fullPage = true): Promise<void> {
  const path = join(SHOT_DIR, `${name}.png`);
  await page.mouse.move(0, 0);
  await page.screenshot({ path, fullPage, animations: 'disabled', caret: 'hide' });
  const png = readFileSync(path);
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  expect(png.length).toBeGreaterThan(10_000);
}

/** What the element with focus is, and whether it shows a focus ring there. */
export function focused(page: Page): Promise<{ tag: string; text: string; name: string | null; ring: boolean }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return { tag: '', text: '', name: null, ring: false };
    const style = getComputedStyle(el);
    return {
      tag: el.tagName.toLowerCase(),
      text: (el.textContent ?? '').trim(),
      name: el.getAttribute('aria-label') ?? el.getAttribute('type'),
      ring: el.matches(':focus-visible') && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
    };
  });
}

/** Presses `key` until `check` holds for the focused element (at most `max` times); fails if it never does. */
export async function pressUntil(page: Page, key: string, check: (el: Awaited<ReturnType<typeof focused>>) => boolean, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    if (check(await focused(page))) return;
  }
  throw new Error(`${key} ${max} times never reached the element; focus is on ${JSON.stringify(await focused(page))}`);
}

/** RFC 4180 records (quoted fields may hold commas, quotes and line breaks), the byte-order mark dropped. */
export function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') field += body[++i];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || (c === '\r' && body[i + 1] === '\n')) {
      if (c === '\r') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += c;
  }
  if (field || record.length) records.push([...record, field]);
  return records;
}
