import type { ErrorCode, FieldError } from '../../shared/error-body';
import { errorResponse } from '../json-response';
import { validationBody } from '../validation-error';

/** One v1 validation error about `resource` (a path under the API root, as the seed's `/feedback_requests/33`). */
export function apiFieldError(resource: string, field: string, error: ErrorCode, extraInfo: Record<string, unknown> = {}): FieldError {
  return { resource, field, error, extra_info: extraInfo };
}

/** 422 with every problem at once (the first 50 of them, with `error_count`, as `validationBody`). */
export function validationFailed(errors: FieldError[]): Response {
  return errorResponse(422, validationBody(errors));
}

/**
 * `No site 42`: the 404 for a resource id, repeating the id only when it is one
 * (digits, or a response's UUID). Anything else is not repeated: a token
 * pasted into the URL by mistake must not come back in the reply.
 *
 * @example
 * noSuch('site', '42') // 404 "No site 42"
 */
export function noSuch(what: string, id: string | number | undefined): Response {
  const shown = /^\d{1,20}$|^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(String(id ?? '')) ? String(id) : 'with that id';
  return notFound(`No ${what} ${shown}`);
}

export function notFound(what = 'Not found'): Response {
  return errorResponse(404, what);
}
