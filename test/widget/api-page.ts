import { within } from '@testing-library/preact';
import { afterEach } from 'vitest';
import { en } from '../../src/shared/i18n/en';
import { createDelivery } from '../../src/widget/delivery/delivery';
import { createOutbox } from '../../src/widget/delivery/outbox';
import { createSafeStorage } from '../../src/widget/delivery/safe-storage';
import { createLogger } from '../../src/widget/log';
import { HOST_TAG } from '../../src/widget/mount-widget';
import { createWidgetApi } from '../../src/widget/widget-api';
import type { SurveyWidgetApi } from '../../src/widget/widget-api';
import { postPurchase, supportCsat } from '../shared/fixtures';
import { css, FIXED_NOW, fakeConsole, fakeFetch, fakeStorage, json } from './fixtures';

export const PROXY = 'https://proxy.example';
export const SEED_WIDGET = `<div data-customersure-survey-widget data-widget-params='{"org": "acme", "survey": "post-purchase"}' data-survey-params='{"name": "Mariner", "staff_code": "luke", "reference": "INV-2090"}'></div>`;
export const CSAT_WIDGET = `<div id="csat" data-customersure-survey-widget data-widget-params='{"org": "acme", "survey": "support-csat"}'></div>`;

const apis: SurveyWidgetApi[] = [];
afterEach(() => {
  for (const api of apis.splice(0)) api.destroy();
  document.body.innerHTML = '';
});

/** A page holding `html`, a proxy that serves both demo surveys, and the API over them (destroyed after each test). */
export function apiPage(html: string, backing = fakeStorage()) {
  document.body.innerHTML = html;
  const fetch = fakeFetch({
    [`GET ${PROXY}/v1/surveys/acme/post-purchase`]: () => json({ ...postPurchase, strings: en }),
    [`GET ${PROXY}/v1/surveys/acme/support-csat`]: () => json({ ...supportCsat, strings: en }),
    [`GET ${PROXY}/survey_widget.css`]: () => css(),
    [`POST ${PROXY}/v1/responses`]: () => json({}, 201),
  });
  const console = fakeConsole();
  const storage = createSafeStorage(() => backing);
  const delivery = createDelivery({
    fetch, outbox: createOutbox(storage), log: createLogger(console), setTimeout, clearTimeout, now: Date.now, random: Math.random,
  });
  const api = createWidgetApi({ document, fetch, console, crypto, delivery, storage, scriptBase: `${PROXY}/`, now: () => FIXED_NOW });
  apis.push(api);
  return { api, fetch, console };
}

export const hosts = () => [...document.querySelectorAll(HOST_TAG)] as HTMLElement[];
export const view = (host: HTMLElement) => within(host.shadowRoot!.lastElementChild as HTMLElement);
export const isOpen = (host: HTMLElement | undefined) => host?.shadowRoot?.querySelector('dialog')?.open ?? false;
