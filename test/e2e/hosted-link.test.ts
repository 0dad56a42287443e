/**
 * A feedback request's hosted link (`/s/{token}`) in Chromium against the
 * real proxy: the request is created through the REST API, the link opens
 * the survey full-page in the widget's inline mode under the page's strict
 * CSP, prefilled from the request; the answer is stored linked to the
 * request, and the link then says it has been answered. Screenshots go to
 * screenshots/hosted-*.png.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { E2E_API_TOKEN, setUpE2E } from './harness';
import { PP, en, inlineOn, postPurchase, shown } from './pages';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const DIR = fileURLToPath(new URL('../../screenshots/', import.meta.url));
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

const e2e = setUpE2E();

const api = (path: string, init: RequestInit = {}) =>
  fetch(`${e2e.proxy.origin}/api${path}`, {
    ...init,
    headers: { Accept: 'application/vnd.customersure.v1+json', 'User-Agent': 'e2e', Authorization: `Token token="${E2E_API_TOKEN}"`, 'Content-Type': 'application/json' },
  });

/** A request the merchant will send themselves (`external_link`), as their back end files it. */
async function createRequest(): Promise<{ id: number; link: string }> {
  const res = await api('/feedback_requests', {
    method: 'POST',
    body: JSON.stringify({
      email: 'ann.lee@example.com',
      send_at: new Date().toISOString(),
      survey_id: postPurchase.id,
      first_name: 'Ann',
      surname: 'Lee',
      reference: '#1041',
      external_link: true,
      data: [{ key: 'site_code', value: 'leeds' }, { key: 'category', value: 'returns' }],
    }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: number; link: string };
}

async function audit(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the page's own CSP (script-src 'self') refuses a script tag.
  await page.evaluate(readFileSync(AXE, 'utf8'));
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: { id: string; help: string }[] }> } }).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
  });
  return result.violations.map((v) => `${v.id}: ${v.help}`);
}

describe('the hosted survey link', () => {
  beforeAll(() => mkdirSync(DIR, { recursive: true }));

  it('opens the survey full-page, prefilled, and files the answer against its request', async () => {
    const request = await createRequest();
    const context = await e2e.context(PHONE);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || /Content Security Policy/i.test(message.text())) problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(request.link);

    const survey = inlineOn(page);
    await shown(survey.region);
    // Prefilled from the request: the customer sees their own name and email, ready to send.
    expect(await survey.textbox(en.field_name).inputValue()).toBe('Ann Lee');
    expect(await survey.textbox(en.field_email).inputValue()).toBe('ann.lee@example.com');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
    expect(await audit(page)).toEqual([]);
    await page.screenshot({ path: join(DIR, 'hosted-phone.png'), fullPage: true, animations: 'disabled', caret: 'hide' });

    await survey.group(PP[1]!).getByRole('radio', { name: '9', exact: true }).tap();
    await survey.send.tap();
    await shown(survey.thanks(postPurchase.thank_you.title));
    expect(problems).toEqual([]);

    const [response] = (await (await api('/feedback_responses')).json()) as { fields: Record<string, string | null>; reference: string; feedback_request: { id: number } | null }[];
    expect(response).toMatchObject({
      reference: '#1041',
      fields: { name: 'Ann Lee', email: 'ann.lee@example.com', site_code: 'leeds', category: 'returns' },
      feedback_request: { id: request.id },
    });
    // The link's token is a capability to answer: it is not kept with the response.
    expect(Object.keys(response!.fields)).not.toContain('feedback_request');

    await page.goto(request.link);
    await shown(page.getByRole('heading', { name: postPurchase.thank_you.title }));
    await expect(page.getByText('You have already answered this survey')).toBeTruthy();
    await page.screenshot({ path: join(DIR, 'hosted-answered.png'), animations: 'disabled' });
  });

  it('answers an unknown link with a readable 404 page', async () => {
    const context = await e2e.context();
    const page = await context.newPage();
    const res = await page.goto(`${e2e.proxy.origin}/s/AAAAAAAAAAAAAAAAAAAAAA`);
    expect(res?.status()).toBe(404);
    await shown(page.getByRole('heading', { name: 'Survey not found' }));
  });
});
