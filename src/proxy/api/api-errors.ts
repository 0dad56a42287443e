import type { ErrorCode, FieldError } from '../../shared/error-body';
import { errorResponse } from '../json-response';

/** One v1 validation error about `resource` (a path under the API root, as the seed's `/feedback_requests/33`). */
export function apiFieldError(resource: string, field: string, error: ErrorCode, extraInfo: Record<string, unknown> = {}): FieldError {
  return { resource, field, error, extra_info: extraInfo };
}

/** 422 with every problem at once. */
export function validationFailed(errors: FieldError[]): Response {
  return errorResponse(422, { message: 'Validation error', errors });
}

export function notFound(what = 'Not found'): Response {
  return errorResponse(404, what);
}
