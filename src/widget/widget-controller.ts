import { answerField, groupField } from '../shared/error-body';
import type { AnswerValue } from '../shared/answer';
import type { Strings } from '../shared/i18n/en';
import type { CustomerField } from '../shared/param-keys';
import { sortParams } from '../shared/sort-params';
import type { SortedParams } from '../shared/sort-params';
import type { ResponsePayload } from '../shared/response-schema';
import type { Survey } from '../shared/survey-schema';
import { buildPayload } from './build-payload';
import { initialFormState } from './form-state';
import type { FormState } from './form-state';
import { createTranslate } from './i18n/translate';
import type { Translate } from './i18n/translate';
import type { Logger } from './log';
import type { SurveyClient } from './survey-client';
import { validateForm } from './validate-form';
import type { FieldErrors } from './validate-form';
import type { WidgetParams } from './widget-params';

export type LoadState =
  | { status: 'loading' | 'failed' }
  | { status: 'ready'; survey: Survey; params: SortedParams; styles: string };

/** Everything one widget shows; the UI is a pure function of it. */
export interface WidgetState {
  open: boolean;
  load: LoadState;
  locale: string;
  t: Translate;
  form: FormState;
  errors: FieldErrors;
  phase: 'form' | 'sending' | 'sent' | 'failed';
  /** A message above the send button: why the proxy refused the response. */
  banner?: string;
  /** Bumped when the first invalid field should take focus. */
  focusInvalid: number;
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
  submit(): Promise<void>;
}

export interface ControllerDeps {
  widget: WidgetParams;
  /** `data-survey-params` as read at init; later mutation of the attribute is never seen. */
  rawParams: Record<string, unknown>;
  client: SurveyClient;
  log: Logger;
  newId: () => string;
  now: () => Date;
  pageUrl: () => string;
  defaultLocale: string;
}

/**
 * One widget's state and actions, free of the DOM: loading the survey, open
 * or closed, the visitor's answers, validation and sending. The UI renders
 * the state and calls the actions; nothing else changes it.
 */
export function createWidgetController(deps: ControllerDeps): WidgetController {
  const { widget, client, log } = deps;
  let listener = () => {};
  // The payload of a send that failed in transit: a retry sends it unchanged, so the
  // proxy recognises it (same id, same body) and stores it once.
  let pending: ResponsePayload | undefined;
  let state: WidgetState = {
    open: false, load: { status: 'loading' }, locale: widget.locale ?? deps.defaultLocale, t: createTranslate({}),
    form: { answers: {}, customer: {} }, errors: {}, phase: 'form', focusInvalid: 0,
  };
  const update = (next: Partial<WidgetState>) => {
    state = { ...state, ...next };
    listener();
  };
  const dropError = (field: string) => {
    const { [field]: _, ...errors } = state.errors;
    return errors;
  };

  async function load(): Promise<void> {
    update({ load: { status: 'loading' } });
    const result = await client.loadSurvey(widget.org, widget.survey, widget.locale);
    if (result.kind !== 'ready') {
      log.error(result.reason);
      return update({ load: { status: result.kind } });
    }
    const { survey, styles } = result;
    const params = sortParams(deps.rawParams, survey.custom_segments);
    // The reason is a DropReason code (key_too_long, nested_value, ...), listed in the README.
    for (const { key, reason } of params.dropped) log.warn(`data-survey-params key "${key}" dropped: ${reason}`);
    update({
      load: { status: 'ready', survey, params, styles }, locale: widget.locale ?? survey.locale,
      t: createTranslate(result.strings), form: initialFormState(survey, params),
    });
  }

  async function submit(): Promise<void> {
    const { load: loaded, t, form } = state;
    if (loaded.status !== 'ready' || state.phase === 'sending') return;
    const errors = validateForm(loaded.survey, form, t);
    if (Object.keys(errors).length) return update({ errors, focusInvalid: state.focusInvalid + 1 });
    update({ errors, banner: undefined, phase: 'sending' });
    pending ??= buildPayload({ ...loaded, widget, state: form, id: deps.newId(), locale: state.locale, pageUrl: deps.pageUrl(), now: deps.now() });
    const result = await client.sendResponse(pending);
    if (result.kind === 'failed') {
      log.error(`response not sent: ${result.reason}`);
      return update({ phase: 'failed' });
    }
    pending = undefined;
    if (result.kind === 'sent') return update({ phase: 'sent' });
    log.error(`the proxy refused the response: ${result.message}`);
    update({
      // Always say why: the proxy may refuse a hidden field the visitor cannot see.
      phase: 'form', focusInvalid: state.focusInvalid + 1, banner: result.message,
      errors: Object.fromEntries(result.errors.map((e) => [e.field, t(e.error === 'required' ? 'error_required' : 'error_invalid')])),
    });
  }

  return {
    widget,
    getState: () => state,
    subscribe: (next) => void (listener = next),
    // Opening while the survey loads shows it once ready; opening after a failed load tries again.
    toggle() {
      const retry = state.load.status === 'failed';
      if (retry) void load();
      update({ open: retry || !state.open });
    },
    setOpen: (open) => open !== state.open && update({ open }),
    load,
    setAnswer: (id, value) =>
      update({ form: { ...state.form, answers: { ...state.form.answers, [id]: value } }, errors: dropError(answerField(id)) }),
    setCustomer: (field, value) =>
      update({ form: { ...state.form, customer: { ...state.form.customer, [field]: value } }, errors: dropError(groupField('customer', field)) }),
    submit,
  };
}
