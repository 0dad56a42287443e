import { answerField, groupField } from '../shared/error-body';
import type { AnswerValue } from '../shared/answer';
import type { CustomerField } from '../shared/param-keys';
import { sortParams } from '../shared/sort-params';
import type { SortedParams } from '../shared/sort-params';
import type { Survey } from '../shared/survey-schema';
import { buildPayload } from './build-payload';
import type { Delivery, Outcome } from './delivery/delivery';
import type { DraftStore } from './draft-store';
import { initialFormState } from './form-state';
import type { FormState } from './form-state';
import { createTranslate } from './i18n/translate';
import type { Translate } from './i18n/translate';
import type { Logger } from './log';
import type { SurveyClient } from './survey-client';
import { validateForm } from './validate-form';
import type { FieldErrors } from './validate-form';
import type { Emit } from './widget-events';
import type { WidgetParams } from './widget-params';

export type LoadState =
  | { status: 'loading' | 'failed' }
  | { status: 'ready'; survey: Survey; params: SortedParams; styles: string };

/** Everything one widget shows; the UI is a pure function of it. */
export interface WidgetState {
  /** The popover is open. An inline survey never is: it is shown from the moment it has loaded. */
  open: boolean;
  load: LoadState;
  locale: string;
  t: Translate;
  form: FormState;
  errors: FieldErrors;
  /** `queued`: saved in the outbox and sent again until the proxy confirms it. */
  phase: 'form' | 'sending' | 'queued' | 'sent';
  /** A message above the send button: the proxy refused the response. */
  banner?: string;
  /** Bumped when the first invalid field should take focus. */
  focusInvalid: number;
  /** Bumped when an inline survey should scroll into view and take focus: asked to open, or thanking. */
  reveal: number;
}

export interface WidgetController {
  readonly widget: WidgetParams;
  getState(): WidgetState;
  /** Calls `listener` after every change; one listener, the widget's view. */
  subscribe(listener: () => void): void;
  toggle(): void;
  setOpen(open: boolean): void;
  load(): Promise<void>;
  setAnswer(id: number, value: AnswerValue): void;
  setCustomer(field: CustomerField, value: string): void;
  submit(): void;
}

export interface ControllerDeps {
  widget: WidgetParams;
  /** `data-survey-params` as read at init; later mutation of the attribute is never seen. */
  rawParams: Record<string, unknown>;
  /**
   * `data-survey-params-jwt` as read at init: the params signed by the merchant's server, for the
   * proxy to verify. Named as the payload field it becomes: the repeat gzips 4 bytes smaller.
   */
  signed_params?: string;
  client: SurveyClient;
  delivery: Delivery;
  drafts: DraftStore;
  log: Logger;
  newId: () => string;
  now: () => Date;
  pageUrl: () => string;
  defaultLocale: string;
  /** Tells the page what happens (see WidgetEvents); the API fans it out to handlers and DOM events. */
  emit?: Emit;
}

/**
 * One widget's state and actions, free of the DOM: loading the survey, open
 * or closed, the visitor's answers, validation and sending. The UI renders
 * the state and calls the actions; nothing else changes it.
 */
export function createWidgetController(deps: ControllerDeps): WidgetController {
  const { widget, client, log, drafts, emit = () => {} } = deps;
  const survey = widget.survey;
  // An inline survey is part of the page: shown once loaded, never opened or closed.
  const inline = widget.display;
  let listener = () => {};
  // The id of the response being delivered; outcomes of an earlier one change nothing on screen.
  let current: string | undefined;
  // The last response announced as submitted: a later confirmation of it is not news.
  let announced: string | undefined;
  let shown = false;
  let state: WidgetState = {
    open: false, load: { status: 'loading' }, locale: widget.locale ?? deps.defaultLocale, t: createTranslate({}),
    form: { answers: {}, customer: {} }, errors: {}, phase: 'form', focusInvalid: 0, reveal: 0,
  };
  const update = (next: Partial<WidgetState>) => {
    state = { ...state, ...next };
    listener();
    // Shown means open with a survey to show: opening during the load shows it once loaded.
    const now = (inline || state.open) && state.load.status === 'ready';
    if (now !== shown) emit((shown = now) ? 'shown' : 'closed', { survey });
  };
  // Every edit is saved as a draft, so a reload mid-survey loses nothing.
  const edit = (form: FormState, field: string) => {
    const { [field]: _, ...errors } = state.errors;
    drafts.save(form);
    update({ form, errors });
  };

  async function load(): Promise<void> {
    update({ load: { status: 'loading' } });
    const result = await client.loadSurvey(widget.org, widget.survey, widget.locale, deps.defaultLocale);
    if (result.kind !== 'ready') {
      log.error(result.reason);
      emit('error', { survey, message: result.reason });
      return update({ load: { status: result.kind } });
    }
    const { survey: loaded, styles } = result;
    const params = sortParams(deps.rawParams, loaded.custom_segments);
    // The reason is a DropReason code (key_too_long, nested_value, ...), listed in the README.
    for (const { key, reason } of params.dropped) log.warn(`data-survey-params key "${key}" dropped: ${reason}`);
    state = {
      // The proxy settles the locale (override, survey, page) and sends it back resolved.
      ...state, load: { status: 'ready', survey: loaded, params, styles }, locale: loaded.locale ?? 'en',
      t: createTranslate(result.strings), form: drafts.load() ?? initialFormState(loaded, params),
    };
    // Ready comes before shown, for a widget opened while it loaded.
    emit('ready', { survey });
    update({});
  }

  function submit(): void {
    const { load: loaded, t, form } = state;
    if (loaded.status !== 'ready' || state.phase === 'sending') return;
    const errors = validateForm(loaded.survey, form, t);
    if (Object.keys(errors).length) return update({ errors, focusInvalid: state.focusInvalid + 1 });
    const payload = buildPayload({ ...loaded, widget, signed_params: deps.signed_params, state: form, id: deps.newId(), locale: state.locale, pageUrl: deps.pageUrl(), now: deps.now() });
    current = payload.id;
    update({ errors, banner: undefined, phase: 'sending' });
    deps.delivery.send({ id: payload.id, url: `${widget.proxy}/v1/responses`, body: JSON.stringify(payload) }, (outcome) => {
      if (outcome.kind === 'invalid') emit('error', { survey, message: outcome.message });
      else if (announced !== payload.id) emit('submitted', { survey, id: (announced = payload.id), delivered: outcome.kind === 'sent' });
      if (payload.id === current) settle(outcome, t);
    });
  }

  function setOpen(open: boolean): void {
    if (open === state.open) return;
    // Closed after sending: the next opening starts a new response (a kiosk's next customer).
    const done = !open && (state.phase === 'sent' || state.phase === 'queued');
    if (done) current = undefined;
    update(done && state.load.status === 'ready' ? { open, phase: 'form', form: initialFormState(state.load.survey, state.load.params) } : { open });
  }

  /** Shows what became of the visitor's response; `queued` is a thank-you too, since nothing is lost. */
  function settle(outcome: Outcome, t: Translate): void {
    if (outcome.kind !== 'invalid') {
      drafts.clear();
      // An inline survey's thank-you is shorter than the form it replaces, and the send button that
      // had focus is gone: it is brought into view, focus on its heading; once, not again when a
      // queued response is sent. (Nothing reveals a popover: the bump is unseen there.)
      return update({ phase: outcome.kind, reveal: state.reveal + +(state.phase === 'sending') });
    }
    current = undefined;
    update({
      // Always say so, in the visitor's language: the proxy may refuse a hidden field the visitor
      // cannot see. Its own words (English, for the merchant) went to the console.
      phase: 'form', focusInvalid: state.focusInvalid + 1, banner: t('send_refused'),
      errors: Object.fromEntries(outcome.errors.map((e) => [e.field, t(e.error === 'required' ? 'error_required' : 'error_invalid')])),
    });
  }

  return {
    widget,
    getState: () => state,
    subscribe: (next) => void (listener = next),
    // Opening while the survey loads shows it once ready; opening after a failed load tries again.
    // An inline survey is always shown: toggling it brings it into view instead.
    toggle() {
      const retry = state.load.status === 'failed';
      if (retry) void load();
      if (inline) update({ reveal: state.reveal + 1 });
      else setOpen(retry || !state.open);
    },
    setOpen,
    load,
    setAnswer(id, value) {
      edit({ ...state.form, answers: { ...state.form.answers, [id]: value } }, answerField(id));
      emit('answered', { survey, question_id: id, answer: value });
    },
    setCustomer: (field, value) => edit({ ...state.form, customer: { ...state.form.customer, [field]: value } }, groupField('customer', field)),
    submit,
  };
}
