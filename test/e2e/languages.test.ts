/**
 * Languages in Chromium against the real proxy: the page's <html lang> for a
 * survey without a locale, the data-widget-params override, the fallback
 * chain, and Arabic laid out right to left.
 */
import { describe, expect, it } from 'vitest';
import { stringsFor } from '../../src/shared/i18n/catalog';
import type { SurveyInput } from '../../src/shared/survey-schema';
import { setUpE2E } from './harness';
import { INIT, SCRIPT_TAG, shown, widgetElement } from './pages';

const ANY_LANGUAGE: SurveyInput = {
  id: 7101, name: 'Any language', trigger: { type: 'button' },
  questions: [{ id: 1, question: '0-10?', answer_type: 'Rating', scale: 'nps', required: true }],
  customer_fields: [{ field: 'postcode' }],
};
const ARABIC: SurveyInput = { ...ANY_LANGUAGE, id: 7102, name: 'استطلاع', locale: 'ar', questions: [{ id: 1, question: 'ما مدى احتمال أن توصي بنا؟', answer_type: 'Rating', scale: 'nps', required: true }] };

const e2e = setUpE2E({ surveys: { 'any-language': ANY_LANGUAGE, arabic: ARABIC } });

const page = (lang: string, widgetParams: Record<string, unknown>) =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Shop</title></head><body><main><h1>Shop</h1></main>${SCRIPT_TAG}${widgetElement({ org: 'acme', ...widgetParams })}${INIT}</body></html>`;

describe('languages', () => {
  it.each([
    ['de', {}, 'de'],
    ['es-MX', {}, 'es-MX'],
    ['es-AR', {}, 'es'],
    ['pt-BR', {}, 'en'],
    ['de', { locale: 'ja' }, 'ja'],
  ])('a page in %s with %j speaks %s', async (lang, params, expected) => {
    const { page: p } = await e2e.open(`lang-${lang}-${Object.keys(params).length}`, page(lang, { survey: 'any-language', ...params }));
    const strings = stringsFor(expected as Parameters<typeof stringsFor>[0]);
    await p.getByRole('button', { name: strings.trigger, exact: true }).click();
    const dialog = p.getByRole('dialog', { name: 'Any language' });
    await shown(dialog);
    await shown(dialog.getByRole('button', { name: strings.submit }));
    await shown(dialog.getByText(strings.nps_max));
    expect(await dialog.getByRole('textbox', { name: strings.field_postcode }).count()).toBe(1);
    expect(await p.locator('customersure-survey-widget').evaluate((host) => host.shadowRoot!.querySelector('.root')!.getAttribute('lang'))).toBe(expected);
  });

  it('lays Arabic out right to left: the scale runs from 0 on the right, the close button sits on the left', async () => {
    const { page: p } = await e2e.open('lang-ar', page('en', { survey: 'arabic' }));
    const ar = stringsFor('ar');
    await p.getByRole('button', { name: ar.trigger }).click();
    const dialog = p.getByRole('dialog', { name: 'استطلاع' });
    await shown(dialog);
    expect(await p.locator('customersure-survey-widget').evaluate((host) => host.shadowRoot!.querySelector('.root')!.getAttribute('dir'))).toBe('rtl');
    const zero = (await dialog.getByRole('radio', { name: '0', exact: true }).boundingBox())!;
    const ten = (await dialog.getByRole('radio', { name: '10', exact: true }).boundingBox())!;
    expect(zero.x).toBeGreaterThan(ten.x);
    const close = (await dialog.getByRole('button', { name: ar.close }).boundingBox())!;
    const title = (await dialog.getByRole('heading', { name: 'استطلاع' }).boundingBox())!;
    expect(close.x).toBeLessThan(title.x);
    // Arrow keys follow the reading direction: in RTL, ArrowLeft moves to the next, higher score.
    await dialog.getByRole('radio', { name: '5', exact: true }).check();
    await p.keyboard.press('ArrowLeft');
    expect(await dialog.getByRole('radio', { name: '6', exact: true }).isChecked()).toBe(true);
  });
});
