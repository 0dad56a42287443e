import type { ErrorBody, FieldError } from '../shared/error-body';
import { ResponsePayloadSchema, type StoredResponse } from '../shared/response-schema';
import type { Survey } from '../shared/survey-schema';
import { checkAnswers } from './check-answers';
import { checkCustomer } from './check-customer';
import { checkLocale } from './check-locale';
import { resortParams, type RawGroups } from './resort-params';
import { keepSignedSegments, mergeSignedParams } from './signing/merge-signed-params';
import { unsafeTextErrors } from './unsafe-text-errors';
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
 * `signed`: the verified claims of `signed_params` (checkSignedParams); they
 * win over posted params of the same key, and the response is `verified`.
 *
 * @example
 * const result = validateResponse(JSON.parse(text), catalog.get);
 * if (!result.ok) return json(result.body, result.status);
 */
export function validateResponse(raw: unknown, lookup: SurveyLookup, signed?: Record<string, string>): ResponseValidation {
  const parsed = ResponsePayloadSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) return invalid(zodIssueErrors(parsed.error.issues));
  const payload = parsed.data;
  const survey = lookup(payload.org, payload.survey);
  if (!survey) {
    return invalid([fieldError('survey', 'invalid_value', { message: `no survey "${payload.survey}" for org "${payload.org}"` })]);
  }
  const checked = checkAnswers(survey.questions, payload.answers);
  const params = resortParams(signed ? mergeSignedParams(raw as RawGroups, signed) : (raw as RawGroups), survey, checked.answers);
  if (signed) keepSignedSegments(params.segments, signed);
  const errors = [...checked.errors, ...params.errors, ...checkCustomer(params.customer, survey.customer_fields, params.rejected)];
  const locale = checkLocale(payload.locale);
  if (!locale.ok) errors.push(locale.error);
  if (errors.length > 0) return invalid(errors);
  const value: ValidResponse = {
    // Lower-cased, so `ABC…` and `abc…` are one response: the second is its retry (or a 409), never a second row.
    id: payload.id.toLowerCase(),
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
    locale: locale.ok ? locale.locale : null,
    page_url: payload.page_url ?? null,
    submitted_at: payload.submitted_at,
    verified: signed !== undefined,
  };
  const unsafe = unsafeTextErrors(value);
  return unsafe.length > 0 ? invalid(unsafe) : { ok: true, value };
}

function invalid(errors: FieldError[]): ResponseValidation {
  return { ok: false, status: 422, body: validationBody(errors) };
}
