/**
 * Host pages and the widget as a visitor meets it. Every name comes from the
 * demo survey files and the English UI strings, so a reworded label fails
 * here with the new text to hand rather than silently matching nothing.
 */
import type { Locator, Page } from 'playwright-core';
import postPurchase from '../../demo/surveys/acme/post-purchase.json';
import supportCsat from '../../demo/surveys/acme/support-csat.json';
import { en } from '../../src/shared/i18n/en';
import type { SurveyWidgetApi } from '../../src/widget/widget-api';
import { WAIT_MS } from './harness';

declare global {
  interface Window {
    CustomerSureSurveyWidget?: SurveyWidgetApi;
  }
}

export { en, postPurchase, supportCsat };

/** The seed's snippet, byte for byte as merchants paste it. */
export const SEED_SNIPPET = `<script src="/survey_widget.js"></script><div data-customersure-survey-widget data-widget-params='{"org": "acme", "survey": "post-purchase"}' data-survey-params='{"name": "Mariner", "staff_code": "luke", "reference": "INV-2090"}'></div><script>CustomerSureSurveyWidget.init();</script>`;

export const SCRIPT_TAG = '<script src="/survey_widget.js"></script>';
export const INIT = '<script>CustomerSureSurveyWidget.init();</script>';
export const SEED_PARAMS = { name: 'Mariner', staff_code: 'luke', reference: 'INV-2090' };

/**
 * A plain shop page around `body`, with a button of its own that proves the
 * page still works whatever the widget does.
 */
export function hostPage(body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Acme order confirmed</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:0;padding:32px 40px;color:#1f2937;background:#f9fafb}main{max-width:640px}</style></head>
<body>
<main>
  <h1>Thanks for your order</h1>
  <p>Order INV-2090 is on its way. We will email you when it ships.</p>
  <button type="button" id="page-button" onclick="this.textContent = 'Page button clicked'">Page button</button>
</main>
${body}
</body>
</html>`;
}

/** One widget element; `surveyParams` as an object is serialised, as a string used verbatim. */
export function widgetElement(widgetParams: Record<string, unknown>, surveyParams?: Record<string, unknown> | string): string {
  const attr = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const survey = surveyParams === undefined ? '' : ` data-survey-params="${attr(typeof surveyParams === 'string' ? surveyParams : JSON.stringify(surveyParams))}"`;
  return `<div data-customersure-survey-widget data-widget-params="${attr(JSON.stringify(widgetParams))}"${survey}></div>`;
}

/** The widget as the visitor sees it, through its open shadow root. */
export function widgetOn(page: Page, survey: { title: string; trigger: { label: string } } = postPurchase) {
  const dialog = page.getByRole('dialog', { name: survey.title });
  const group = (question: string) => dialog.getByRole('group', { name: question });
  return {
    dialog,
    trigger: page.getByRole('button', { name: survey.trigger.label, exact: true }),
    hosts: page.locator('customersure-survey-widget'),
    /** The group of a rating, radio or checkbox question, by its text. */
    group,
    /** A text input or textarea by its label (a required marker is aria-hidden, so not part of the name). */
    textbox: (label: string) => dialog.getByRole('textbox', { name: label, exact: true }),
    select: (label: string) => dialog.getByRole('combobox', { name: label, exact: true }),
    send: dialog.getByRole('button', { name: en.submit }),
    thanks: (title: string) => dialog.getByRole('status').getByRole('heading', { name: title }),
    rate: (question: string, points: number) => group(question).getByRole('radio', { name: String(points), exact: true }).check(),
  };
}

export const shown = (locator: Locator) => locator.waitFor({ state: 'visible', timeout: WAIT_MS });
export const hidden = (locator: Locator) => locator.waitFor({ state: 'hidden', timeout: WAIT_MS });

/** The post-purchase questions by id, so tests name them as the survey does. */
export const PP = Object.fromEntries(postPurchase.questions.map((q) => [q.id, q.question])) as Record<number, string>;
export const CSAT = Object.fromEntries(supportCsat.questions.map((q) => [q.id, q.question])) as Record<number, string>;

/** An inline survey (`"display": "inline"`) as the visitor sees it: a region in the page, titled by the survey. */
export function inlineOn(page: Page, survey: { title: string } = postPurchase) {
  const region = page.getByRole('region', { name: survey.title });
  const group = (question: string) => region.getByRole('group', { name: question });
  return {
    region,
    heading: region.getByRole('heading', { name: survey.title }),
    group,
    textbox: (label: string) => region.getByRole('textbox', { name: label, exact: true }),
    select: (label: string) => region.getByRole('combobox', { name: label, exact: true }),
    send: region.getByRole('button', { name: en.submit }),
    thanks: (title: string) => region.getByRole('status').getByRole('heading', { name: title }),
    rate: (question: string, points: number) => group(question).getByRole('radio', { name: String(points), exact: true }).check(),
  };
}
