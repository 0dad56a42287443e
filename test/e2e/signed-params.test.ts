import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { KEY_DEC, KEY_FORGED, KEY_NOV, signToken, tamper } from '../proxy/signing/sign-token';
import { settled, SHOT_DIR } from './dashboard-pages';
import { E2E_API_TOKEN, setUpE2E, WAIT_MS } from './harness';
import { INIT, PP, SCRIPT_TAG, en, hostPage, postPurchase, shown, widgetElement, widgetOn } from './pages';
import { en as dashboardEn } from '../../src/dashboard/i18n/en';
import type { SurveyInput } from '../../src/shared/survey-schema';

/**
 * Signed survey params in real Chromium, through the built widget and the
 * proxy as shipped. acme has rotated: it holds key id 2026-12 only (its
 * secret in the proxy's environment), 2026-11 was taken out. `signed-only`
 * is post-purchase with `require_signed_params`.
 */
const e2e = setUpE2E({
  surveys: { 'signed-only': { ...postPurchase, id: 9001, require_signed_params: true } as SurveyInput },
  orgSettings: { signed_params: { keys: { '2026-12': 'E2E_SIGNING_KEY_2026_12' } } },
  secrets: { E2E_SIGNING_KEY_2026_12: KEY_DEC },
});

const PARAMS = { name: 'Mariner', staff_code: 'luke', site_code: 'leeds', reference: 'INV-2090' };
const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;
const current = (claims: Record<string, unknown> = {}) => signToken({ ...PARAMS, exp: inAnHour(), ...claims }, { kid: '2026-12', secret: KEY_DEC });

/** The seed's snippet for `survey`, with `data-survey-params-jwt` when a token is given. */
function snippet(survey: string, token?: string, params: Record<string, unknown> = PARAMS): string {
  const element = widgetElement({ org: 'acme', survey }, params);
  return hostPage(SCRIPT_TAG + (token === undefined ? element : element.replace('></div>', ` data-survey-params-jwt="${token}"></div>`)) + INIT);
}

/** Opens the page, rates 9 and sends, as a visitor would. */
async function answer(name: string, html: string) {
  const opened = await e2e.open(name, html);
  const widget = widgetOn(opened.page);
  await widget.trigger.click();
  await shown(widget.dialog);
  await widget.rate(PP[1]!, 9);
  await widget.send.click();
  return { ...opened, widget };
}

/** What the merchant and the visitor see when the proxy refuses: one console line, one banner; nothing stored. */
async function expectRefused(name: string, html: string, reason: string): Promise<void> {
  const { url, widget, widgetLog } = await answer(name, html);
  await shown(widget.dialog.getByRole('alert').getByText(en.send_refused));
  // The response's id differs every run: the line is compared with it masked.
  const lines = () => widgetLog('error').map((line) => line.replace(/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/, '<id>'));
  await expect.poll(lines, { timeout: WAIT_MS }).toEqual([`[survey-widget] the proxy refused response <id>: ${reason}`]);
  expect(e2e.proxy.rows(url)).toEqual([]);
}

describe('signed survey params, on a survey that requires them', () => {
  it('a valid token: stored verified, with the values the server signed', async () => {
    // The page says another staff member than the token: the visitor edited the attribute.
    const html = snippet('signed-only', current(), { ...PARAMS, staff_code: 'han' });
    const { url, widget, widgetLog } = await answer('signed-valid', html);
    await shown(widget.thanks(postPurchase.thank_you.title));
    expect(e2e.proxy.rows(url)).toEqual([
      expect.objectContaining({ verified: true, customer: { name: 'Mariner' }, segments: { staff_code: 'luke', site_code: 'leeds' }, reference: 'INV-2090' }),
    ]);
    expect(widgetLog('error')).toEqual([]);
  });

  it('an expired token: refused, the console saying when it expired', async () => {
    const exp = Math.floor(Date.now() / 1000) - 3600;
    await expectRefused('signed-expired', snippet('signed-only', current({ exp })), `Signed survey params expired at ${new Date(exp * 1000).toISOString()}`);
  });

  it('a token signed with the wrong key: refused, the signature does not match', async () => {
    const forged = signToken({ ...PARAMS, exp: inAnHour() }, { kid: '2026-12', secret: KEY_FORGED });
    await expectRefused('signed-forged', snippet('signed-only', forged), 'Signed survey params: the signature does not match');
  });

  it('a token whose staff code was edited: refused, the signature does not match', async () => {
    const edited = tamper(current(), (claims) => ({ ...claims, staff_code: 'han' }));
    await expectRefused('signed-tampered', snippet('signed-only', edited), 'Signed survey params: the signature does not match');
  });

  it('a token under the key id rotated out: refused as an unknown key id', async () => {
    const old = signToken({ ...PARAMS, exp: inAnHour() }, { kid: '2026-11', secret: KEY_NOV });
    await expectRefused('signed-rotated', snippet('signed-only', old), 'Signed survey params: unknown key id "2026-11"');
  });

  it('no token at all: refused, the console saying the survey requires one', async () => {
    await expectRefused(
      'signed-missing',
      snippet('signed-only'),
      'Signed survey params required: this survey only accepts params signed by your server (data-survey-params-jwt)',
    );
  });
});

describe('signed survey params, on a survey that does not require them', () => {
  it('an expired token still stores the visitor’s response, unverified and quietly', async () => {
    const { url, widget, widgetLog } = await answer('unsigned-expired', snippet('post-purchase', current({ exp: Math.floor(Date.now() / 1000) - 3600 })));
    await shown(widget.thanks(postPurchase.thank_you.title));
    expect(e2e.proxy.rows(url)).toEqual([expect.objectContaining({ verified: false, segments: { staff_code: 'luke', site_code: 'leeds' } })]);
    expect(widgetLog('error')).toEqual([]);
  });
});

describe('the dashboard', () => {
  it('badges the verified response in the list and its detail (screenshots in screenshots/dashboard/)', async () => {
    const { url } = await answer('signed-for-dashboard', snippet('post-purchase', current({ name: 'Verified Mariner' })));
    await expect.poll(() => e2e.proxy.rows(url).length).toBe(1);
    const context = await e2e.context();
    expect((await context.request.post(`${e2e.proxy.origin}/dashboard/api/session`, { data: { token: E2E_API_TOKEN } })).status()).toBe(204);
    const page = await context.newPage();
    await page.goto(`${e2e.proxy.origin}/dashboard/#/responses`);
    await settled(page);
    const row = page.getByRole('row').filter({ hasText: 'Verified Mariner' });
    const badge = row.getByTitle(dashboardEn.verifiedHint);
    expect(await badge.textContent()).toBe(`✓ ${dashboardEn.verifiedBadge} (${dashboardEn.verifiedHint})`);
    // Of the two earlier responses from Mariner, the signed one is badged, the one whose token had expired is not.
    const earlier = page.getByRole('row').filter({ hasText: 'Mariner' }).filter({ hasNotText: 'Verified Mariner' });
    expect(await earlier.count()).toBe(2);
    expect(await earlier.getByTitle(dashboardEn.verifiedHint).count()).toBe(1);
    await shot(page, 'verified-badge-list');
    await row.getByRole('link').click();
    await settled(page);
    await shown(page.getByRole('heading', { name: dashboardEn.answersTitle }));
    expect(await page.getByTitle(dashboardEn.verifiedHint).isVisible()).toBe(true);
    await shot(page, 'verified-badge-detail');
  });
});

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOT_DIR, { recursive: true });
  await page.mouse.move(0, 0);
  await page.screenshot({ path: join(SHOT_DIR, `${name}.png`), animations: 'disabled', caret: 'hide' });
}
