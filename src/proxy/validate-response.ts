import { answerField, groupField, type ErrorBody, type FieldError } from '../shared/error-body';
import { ResponsePayloadSchema, type StoredResponse } from '../shared/response-schema';
import type { Survey } from '../shared/survey-schema';
import { checkAnswers } from './check-answers';
import { checkCustomer } from './check-customer';
import { resortParams, type RawGroups } from './resort-params';
import { fieldError, validationBody } from './validation-error';
import { zodIssueErrors } from './zod-issue-errors';

/** A response ready to store; the proxy adds `received_at`. */
export type ValidResponse = Omit<StoredResponse, 'received_at'>;

export type ResponseValidation = { ok: true; value: ValidResponse } | { ok: false; status: 422; body: ErrorBody };

export type SurveyLookup = (org: string, code: string) => Survey | undefined;

/**
 * Validates a parsed `POST /v1/responses` body: the envelope with zod, then
 * the answers, the re-sorted params and the customer fields against the
 * survey. Pure; every problem is reported at once in CustomerSure's format.
 *
 * @example
 * const result = validateResponse(JSON.parse(text), catalog.get);
 * if (!result.ok) return json(result.body, result.status);
 */
export function validateResponse(raw: unknown, lookup: SurveyLookup): ResponseValidation {
  const parsed = ResponsePayloadSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) return invalid(zodIssueErrors(parsed.error.issues));
  const payload = parsed.data;
  const survey = lookup(payload.org, payload.survey);
  if (!survey) {
    return invalid([fieldError('survey', 'invalid_value', { message: `no survey "${payload.survey}" for org "${payload.org}"` })]);
  }
  const checked = checkAnswers(survey.questions, payload.answers);
  const params = resortParams(raw as RawGroups, survey, checked.answers);
  const errors = [...checked.errors, ...params.errors, ...checkCustomer(params.customer, survey.customer_fields, params.rejected)];
  if (errors.length > 0) return invalid(errors);
  const value: ValidResponse = {
    id: payload.id,
    org: payload.org,
    survey: payload.survey,
    survey_id: survey.id,
    answers: checked.answers,
    customer: params.customer,
    segments: params.segments,
    metadata: params.metadata,
    // CustomerSure keeps these two links to other systems as fields of their own; they stay in metadata too.
    reference: params.metadata.reference ?? null,
    machine_id: params.metadata.machine_id ?? null,
    locale: payload.locale ?? null,
    page_url: payload.page_url ?? null,
    submitted_at: payload.submitted_at,
  };
  const nul = nulErrors(value);
  return nul.length > 0 ? invalid(nul) : { ok: true, value };
}

/**
 * PostgreSQL's text cannot hold U+0000 (SQLite's can), and a response must be
 * storable on either: it is refused here with a 422 the widget will not retry,
 * not left to fail the insert with a 500 it would retry forever.
 */
function nulErrors(value: ValidResponse): FieldError[] {
  const fields: string[] = [];
  for (const { question_id, answer } of value.answers) {
    if (typeof answer === 'string' ? answer.includes('\0') : Array.isArray(answer) && answer.some((text) => text.includes('\0'))) fields.push(answerField(question_id));
  }
  for (const group of ['customer', 'segments', 'metadata'] as const) {
    const params = value[group];
    for (const key in params) if (key.includes('\0') || params[key]!.includes('\0')) fields.push(groupField(group, key));
  }
  if (value.locale?.includes('\0')) fields.push('locale');
  if (value.page_url?.includes('\0')) fields.push('page_url');
  return fields.map((field) => fieldError(field, 'invalid_value', { message: 'must not contain the NUL character (U+0000)' }));
}

function invalid(errors: FieldError[]): ResponseValidation {
  return { ok: false, status: 422, body: validationBody(errors) };
}
