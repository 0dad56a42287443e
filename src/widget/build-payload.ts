import { isAnswered } from '../shared/answer';
import type { Answer } from '../shared/answer';
import type { ResponsePayload } from '../shared/response-schema';
import type { SortedParams } from '../shared/sort-params';
import type { Survey } from '../shared/survey-schema';
import type { FormState } from './form-state';
import type { WidgetParams } from './widget-params';

export interface PayloadContext {
  survey: Survey;
  widget: WidgetParams;
  params: SortedParams;
  /** `data-survey-params-jwt`, when the page has one; sent untouched. */
  signed_params?: string;
  state: FormState;
  /** The response's idempotency key; the same on every retry of one submission. */
  id: string;
  locale: string;
  pageUrl: string;
  now: Date;
}

/** The proxy's limit for page_url; the fragment is dropped (it is page state, not the page). */
const MAX_URL_LENGTH = 2048;

/**
 * Builds the body of `POST /v1/responses`. Visible customer fields take the
 * visitor's edits (a cleared field is not sent); hidden ones travel as given.
 */
export function buildPayload(ctx: PayloadContext): ResponsePayload {
  const { survey, widget, params, state } = ctx;
  const answers: Answer[] = survey.questions
    .filter((q) => isAnswered(state.answers[q.id]))
    .map((q) => ({ question_id: q.id, answer: normaliseAnswer(state.answers[q.id]!) }));
  const customer = { ...params.customer };
  for (const { field } of survey.customer_fields) {
    const value = state.customer[field]?.trim();
    if (value) customer[field] = value;
    else delete customer[field];
  }
  return {
    id: ctx.id,
    org: widget.org,
    survey: widget.survey,
    answers,
    customer,
    // Segment questions' answers are not copied in here: the proxy derives them
    // from `answers` (segmentAnswers) and never trusts the browser's grouping anyway.
    segments: { ...params.segments },
    metadata: { ...params.metadata },
    locale: ctx.locale,
    // The proxy stores http(s) pages only: a file: or about: page sends none rather than be refused.
    page_url: ctx.pageUrl.match(/^https?:[^#]*/)?.[0].slice(0, MAX_URL_LENGTH),
    submitted_at: ctx.now.toISOString(),
    // Undefined leaves the key out of the JSON: the seed's snippet posts what it always did.
    signed_params: ctx.signed_params,
  };
}

function normaliseAnswer(value: Answer['answer']): Answer['answer'] {
  return typeof value === 'string' ? value.trim() : value;
}
