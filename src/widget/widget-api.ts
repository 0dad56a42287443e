import type { Delivery } from './delivery/delivery';
import type { SafeStorage } from './delivery/safe-storage';
import { describeElement } from './describe-element';
import { createDraftStore } from './draft-store';
import { createLogger } from './log';
import type { ConsoleLike } from './log';
import { mountWidget } from './mount-widget';
import { createSurveyClient } from './survey-client';
import { uuidv4 } from './uuid';
import { createWidgetController } from './widget-controller';
import type { WidgetController } from './widget-controller';
import { parseJsonObject, readWidgetParams } from './widget-params';

/** The public API, the same names as CustomerSure's `CustomerSureSurveyWidget`. */
export interface SurveyWidgetApi {
  /** Finds every `[data-customersure-survey-widget]` element not yet set up and mounts it. */
  init(): void;
  /** Shows the survey if hidden, hides it if shown. Calls `init()` first when needed. */
  toggleWidget(): void;
}

export interface WidgetApiDeps {
  document: Document;
  fetch: typeof fetch;
  console: ConsoleLike;
  crypto: Crypto;
  /** Sends responses through the outbox; see createDelivery. */
  delivery: Delivery;
  /** Where drafts are kept; see createSafeStorage. */
  storage: SafeStorage;
  /** Where the widget script was loaded from; the default proxy. */
  scriptBase: string;
  now?: () => Date;
}

export const WIDGET_SELECTOR = '[data-customersure-survey-widget]';

/**
 * Builds the widget API over an injected page; nothing runs until called.
 *
 * @example
 * const storage = createSafeStorage(() => localStorage);
 * const delivery = createDelivery({ fetch, outbox: createOutbox(storage), log: createLogger(console), setTimeout, clearTimeout, now: Date.now, random: Math.random });
 * const api = createWidgetApi({ document, fetch, console, crypto, delivery, storage, scriptBase: 'https://proxy.example' });
 * api.init();
 * api.toggleWidget();
 */
export function createWidgetApi(deps: WidgetApiDeps): SurveyWidgetApi {
  const { document } = deps;
  const seen = new WeakSet<Element>();
  const widgets: WidgetController[] = [];

  function init(): void {
    document.querySelectorAll(WIDGET_SELECTOR).forEach((element, index) => {
      if (seen.has(element)) return;
      seen.add(element);
      const controller = setUp(element, index);
      if (controller) widgets.push(controller);
    });
  }

  function setUp(element: Element, index: number): WidgetController | undefined {
    const log = createLogger(deps.console, describeElement(element, index));
    const widget = readWidgetParams(element.getAttribute('data-widget-params'), deps.scriptBase);
    if (!widget.ok) return void log.error(`${widget.problem}. This widget is skipped; the page is unaffected.`);
    const rawSurveyParams = element.getAttribute('data-survey-params');
    const surveyParams = rawSurveyParams === null ? { ok: true as const, value: {} } : parseJsonObject(rawSurveyParams, 'data-survey-params');
    if (!surveyParams.ok) log.error(`${surveyParams.problem}. The survey opens without the extra data.`);
    const rawParams = surveyParams.ok ? surveyParams.value : {};
    const now = deps.now ?? (() => new Date());
    const controller = createWidgetController({
      widget: widget.value,
      rawParams,
      client: createSurveyClient(deps.fetch, widget.value.proxy),
      delivery: deps.delivery,
      drafts: createDraftStore(deps.storage, `${widget.value.org}/${widget.value.survey}`, JSON.stringify(rawParams), () => +now()),
      log,
      newId: () => uuidv4(deps.crypto),
      now,
      pageUrl: () => document.URL,
      defaultLocale: document.documentElement.lang || 'en',
    });
    mountWidget(document, controller, `sw${index + 1}`);
    void controller.load();
    return controller;
  }

  return {
    init,
    toggleWidget() {
      init();
      const first = widgets[0];
      if (first) first.toggle();
      else createLogger(deps.console).error(`toggleWidget(): no working ${WIDGET_SELECTOR} element on the page`);
    },
  };
}
