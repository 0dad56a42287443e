import type { Delivery } from './delivery/delivery';
import type { SafeStorage } from './delivery/safe-storage';
import { describeElement } from './describe-element';
import { createAutoDisplay } from './display/auto-display';
import type { AutoDisplay, DisplayTarget } from './display/auto-display';
import { createVisitorStore } from './display/visitor-store';
import { createDraftStore } from './draft-store';
import { createLogger } from './log';
import type { ConsoleLike } from './log';
import { mountWidget } from './mount-widget';
import type { MountedWidget } from './mount-widget';
import { watchToggles } from './survey-toggles';
import type { ToggleWatch } from './survey-toggles';
import { createSurveyClient } from './survey-client';
import { uuidv4 } from './uuid';
import { createWidgetController } from './widget-controller';
import { createEmitter } from './widget-events';
import type { WidgetEventHandler, WidgetEventName } from './widget-events';
import type { WidgetController } from './widget-controller';
import { parseJsonObject, readWidgetParams } from './widget-params';

/**
 * The public API: CustomerSure's `init` and `toggleWidget`, plus the rest a
 * merchant needs. `survey` is a survey code from `data-widget-params`; without
 * it a call means the first widget on the page. Every call sets the page up
 * first when `init()` has not run.
 */
export interface SurveyWidgetApi {
  /** Finds every `[data-customersure-survey-widget]` element not yet set up and mounts it. */
  init(): void;
  /** Shows the survey if hidden, hides it if shown. */
  toggleWidget(survey?: string): void;
  /** Shows the survey (closing any other one: one survey on screen at a time). */
  open(survey?: string): void;
  close(survey?: string): void;
  /**
   * A scripted in-app event: surveys whose definition has an event trigger
   * with this name (and whose conditions the properties meet) show
   * themselves, as their display rules allow.
   */
  trigger(eventName: string, properties?: Record<string, unknown>): void;
  /**
   * Calls `handler` on every `event` of any widget; returns the unsubscribe
   * function. Each event is also dispatched on the widget's element as a
   * bubbling `survey-widget:<event>` CustomEvent.
   */
  on<E extends WidgetEventName>(event: E, handler: WidgetEventHandler<E>): () => void;
  /** Removes every widget node, listener and handler; `init()` sets the page up afresh. */
  destroy(): void;
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
  /** For stable sampling's visitor seed; Math.random by default. */
  random?: () => number;
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
  const pageLog = createLogger(deps.console);
  const events = createEmitter((error) => pageLog.error(`an event handler threw: ${String(error)}`));
  let seen = new WeakSet<Element>();
  let widgets: { controller: WidgetController; mounted: MountedWidget }[] = [];
  let toggles: ToggleWatch | undefined;
  let auto: AutoDisplay | undefined;
  const now = deps.now ?? (() => new Date());

  function init(): void {
    document.querySelectorAll(WIDGET_SELECTOR).forEach((element, index) => {
      if (seen.has(element)) return;
      seen.add(element);
      const widget = setUp(element, index);
      if (widget) widgets.push(widget);
    });
    toggles ??= watchToggles(document, (code) => {
      const widget = find(code || undefined);
      return widget && { toggle: widget.controller.toggle, isOpen: () => widget.controller.getState().open, hostId: widget.mounted.host.id };
    });
    toggles.sync();
    auto ??= createAutoDisplay(document.defaultView!, createVisitorStore(deps.storage, deps.random ?? Math.random), () => +now());
  }

  /**
   * One survey on screen at a time: opening one closes the others. Inline surveys, never open,
   * stay where they are; opening one toggles it, which brings it into view.
   */
  const show = (controller: WidgetController) => {
    for (const other of widgets) if (other.controller !== controller) other.controller.setOpen(false);
    // Opening after a failed load tries the load again, as toggling does.
    if (!controller.getState().open) controller.toggle();
  };

  /** The widget of `survey`, or the first one; logs when there is none. */
  function find(survey?: string, caller?: string) {
    const widget = survey ? widgets.find((w) => w.controller.widget.survey === survey) : widgets[0];
    if (!widget && caller) pageLog.error(`${caller}: no working ${WIDGET_SELECTOR} element${survey ? ` for survey "${survey}"` : ''} on the page`);
    return widget;
  }

  /** Runs `action` on the widget `survey` names, setting the page up first. */
  const command = (name: string, action: (controller: WidgetController) => void) => (survey?: string) => {
    init();
    const widget = find(survey, `${name}()`);
    if (widget) action(widget.controller);
  };

  function setUp(element: Element, index: number) {
    const log = createLogger(deps.console, describeElement(element, index));
    const widget = readWidgetParams(element.getAttribute('data-widget-params'), deps.scriptBase);
    if (!widget.ok) return void log.error(`${widget.problem}. This widget is skipped; the page is unaffected.`);
    const rawSurveyParams = element.getAttribute('data-survey-params');
    const surveyParams = rawSurveyParams === null ? { ok: true as const, value: {} } : parseJsonObject(rawSurveyParams, 'data-survey-params');
    if (!surveyParams.ok) log.error(`${surveyParams.problem}. The survey opens without the extra data.`);
    const rawParams = surveyParams.ok ? surveyParams.value : {};
    const { org, survey } = widget.value;
    const target: DisplayTarget = {
      key: `${org}/${survey}`,
      // Set when the survey loads; nothing reads it before (no trigger is armed, nothing is shown).
      display: {} as DisplayTarget['display'],
      isShown: () => controller.getState().open && controller.getState().load.status === 'ready',
      isThanking: () => controller.getState().phase === 'sent' || controller.getState().phase === 'queued',
      open: () => show(controller),
      close: () => controller.setOpen(false),
    };
    const controller = createWidgetController({
      widget: widget.value,
      rawParams,
      // Sent as it is, never decoded: only the proxy, holding the key, can tell what it is worth.
      signed_params: element.getAttribute('data-survey-params-jwt') || undefined,
      client: createSurveyClient(deps.fetch, widget.value.proxy),
      delivery: deps.delivery,
      drafts: createDraftStore(deps.storage, target.key, JSON.stringify(rawParams), () => +now()),
      log,
      newId: () => uuidv4(deps.crypto),
      now,
      pageUrl: () => document.URL,
      defaultLocale: document.documentElement.lang,
      emit(event, payload) {
        const { load } = controller.getState();
        // Inline surveys are always shown: automatic display is for popovers.
        if (event === 'ready' && load.status === 'ready' && !widget.value.display) auto?.add(Object.assign(target, { display: load.survey.display }));
        if (event === 'shown') auto?.shown(target);
        if (event === 'submitted') auto?.answered(target);
        events.emit(event, payload);
        element.dispatchEvent(new CustomEvent(`survey-widget:${event}`, { detail: payload, bubbles: true }));
        if (event === 'shown' || event === 'closed') toggles?.sync();
      },
    });
    const mounted = mountWidget(document, controller, `sw${index + 1}`, widget.value.nonce, widget.value.display && element);
    void controller.load();
    return { controller, mounted };
  }

  return {
    init,
    toggleWidget: command('toggleWidget', (c) => (c.getState().open ? c.setOpen(false) : show(c))),
    open: command('open', show),
    close: command('close', (c) => c.setOpen(false)),
    trigger(name, properties = {}) {
      init();
      auto?.trigger(name, properties);
    },
    on: events.on,
    destroy() {
      toggles?.stop();
      toggles = undefined;
      auto?.stop();
      auto = undefined;
      for (const { mounted } of widgets) mounted.unmount();
      widgets = [];
      seen = new WeakSet();
      events.clear();
    },
  };
}
