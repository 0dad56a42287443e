/**
 * What a reply of CustomerSure's `POST /feedback_requests` means (seed:
 * `customersure-rest-and-widget-api.txt`, "Errors" and "HTTP Status Code Summary"), with the
 * system's own words as the reason.
 */
import type { HttpReply, Outcome } from '../../relay-adapter';
import { isRetryableStatus, retryAfterMs } from '../../retry-after';

/** "Validation error attributes": resource, field, error, extra_info. */
interface FieldError {
  field?: unknown;
  error?: unknown;
  extra_info?: unknown;
}

/** "This response will contain a message attribute […] an errors array containing all the errors" */
interface ErrorBody {
  message?: unknown;
  errors?: unknown;
}

function parse(body: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** `send_at invalid_date {"minimum":"…"}`: one field error, extra_info kept for the merchant. */
function describeError(e: FieldError): string {
  const extra = typeof e.extra_info === 'object' && e.extra_info !== null && Object.keys(e.extra_info).length > 0 ? ` ${JSON.stringify(e.extra_info)}` : '';
  return `${String(e.field ?? '?')} ${String(e.error ?? '?')}${extra}`;
}

/** `HTTP 422 Validation error: email required; …`, or the raw body when it is no v1 error. */
function reasonOf(status: number, body: string): string {
  const parsed = parse(body) as ErrorBody | undefined;
  const message = typeof parsed?.message === 'string' ? parsed.message : body.trim().slice(0, 300);
  const errors = Array.isArray(parsed?.errors) ? (parsed.errors as FieldError[]).map(describeError) : [];
  return [`HTTP ${status}`, message && ` ${message}`, errors.length > 0 ? `: ${errors.join('; ')}` : ''].join('');
}

/**
 * Reads one reply. `now` (ms) only dates an HTTP-date `Retry-After`.
 *
 * @example
 * customerSureOutcome({ status: 201, headers: {}, body: '{"id":208073}' }, Date.now()) // { kind: 'sent', providerId: '208073' }
 */
export function customerSureOutcome({ status, headers, body }: HttpReply, now: number): Outcome {
  if (status >= 200 && status < 300) {
    const created = parse(body);
    const id = created?.id;
    // "201 Created - Request fulfilled and the new resource has been created." with the feedback
    // request; its `id` is "The individual ID for the feedback request".
    if (typeof id === 'number' || (typeof id === 'string' && id !== '')) {
      return { kind: 'sent', providerId: String(id), ...(typeof created?.link === 'string' ? { link: created.link } : {}) };
    }
    // A 201 without a readable body still created the request: sending again would send twice.
    if (status === 201) return { kind: 'sent' };
    // Any other 2xx is no create: fetch turns a POST answered 301/302 into a GET, whose 200 lists
    // rather than creates ("You should assume that any request may result in a redirection").
    return { kind: 'refused', reason: `HTTP ${status} without a created feedback request: check base_url` };
  }
  // "If you fail to provide a valid token you will receive a 401 Unauthorized response." The token
  // is issued by support, not by a login, so deliver refuses it at once instead of looping.
  if (status === 401) return { kind: 'reauthenticate', reason: `${reasonOf(status, body)} (the API token was refused)` };
  // "500, 502, 503, 504 Server errors - something went wrong at our end." 408 and 429 are HTTP's.
  if (isRetryableStatus(status)) {
    const afterMs = retryAfterMs(headers['retry-after'], now);
    return { kind: 'retry', reason: reasonOf(status, body), ...(afterMs === undefined ? {} : { afterMs }) };
  }
  // 400 "malformed JSON", 403 "Missing or invalid User Agent string" or "unpermitted parameters",
  // 404, and 422 "Validation error" with its errors[]: refused, in CustomerSure's words.
  return { kind: 'refused', reason: reasonOf(status, body) };
}
