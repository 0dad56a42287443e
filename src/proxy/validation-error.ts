import type { ErrorBody, ErrorCode, FieldError } from '../shared/error-body';

/** The collection URL named as `resource` in every response validation error, as CustomerSure does for new resources. */
export const RESPONSES_RESOURCE = '/v1/responses';

/** One CustomerSure validation error about the posted response. */
export function fieldError(field: string, error: ErrorCode, extraInfo: Record<string, unknown> = {}): FieldError {
  return { resource: RESPONSES_RESOURCE, field, error, extra_info: extraInfo };
}

/** The 422 body: every problem found, not just the first, so a form can mark them all at once. */
export function validationBody(errors: FieldError[]): ErrorBody {
  return { message: 'Validation error', errors };
}
