import type { ErrorBody, ErrorCode, FieldError } from '../shared/error-body';

/** The collection URL named as `resource` in every response validation error, as CustomerSure does for new resources. */
export const RESPONSES_RESOURCE = '/v1/responses';

/** At most this many errors are listed in one 422; `error_count` says how many there were. */
export const MAX_LISTED_ERRORS = 50;

/** The longest piece of the request (a key in a field name, say) echoed in an error. */
export const MAX_ECHOED_CHARS = 100;

/** Every message the proxy writes is shorter; a longer one is quoting the request at length. */
export const MAX_MESSAGE_CHARS = 2 * MAX_ECHOED_CHARS;

/** One CustomerSure validation error about the posted response. */
export function fieldError(field: string, error: ErrorCode, extraInfo: Record<string, unknown> = {}): FieldError {
  return { resource: RESPONSES_RESOURCE, field, error, extra_info: extraInfo };
}

/**
 * The 422 body: every problem found, not just the first, so a form can mark
 * them all at once; but at most the first 50, each echoing at most a short
 * prefix of what was sent, so a 50 KB request of 3,000 bad keys gets a few KB
 * back rather than ten times what it sent. `error_count` appears only when
 * the list is cut.
 *
 * @example
 * validationBody(threeThousandErrors) // { message: 'Validation error: …first 50 of 3000…', error_count: 3000, errors: [50 errors] }
 */
export function validationBody(errors: readonly FieldError[]): ErrorBody {
  const listed = errors.slice(0, MAX_LISTED_ERRORS).map(shortenError);
  if (errors.length <= MAX_LISTED_ERRORS) return { message: 'Validation error', errors: listed };
  return {
    message: `Validation error: only the first ${MAX_LISTED_ERRORS} of ${errors.length} problems are listed`,
    error_count: errors.length,
    errors: listed,
  };
}

/**
 * `text` cut to `MAX_ECHOED_CHARS` characters, marked with `…` when cut: for
 * anything from the request an error repeats (a key, a value, a header).
 *
 * @example
 * echoed('x'.repeat(5000)).length // 101
 */
export function echoed(text: string, max = MAX_ECHOED_CHARS): string {
  if (text.length <= max) return text;
  // Back off a split surrogate pair, so the cut never leaves half a character in the JSON.
  const end = /[\uD800-\uDBFF]/.test(text[max - 1]!) ? max - 1 : max;
  return `${text.slice(0, end)}…`;
}

/** The field (which names the keys sent) and the message (which may quote them) cut short; the rest is the proxy's own. */
function shortenError(error: FieldError): FieldError {
  const { message } = error.extra_info;
  const extra = typeof message === 'string' ? { ...error.extra_info, message: echoed(message, MAX_MESSAGE_CHARS) } : error.extra_info;
  return { ...error, field: echoed(error.field), extra_info: extra };
}
