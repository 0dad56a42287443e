/**
 * The CustomerSure v1 error body ("Errors" in the REST API): a `message`, and
 * for validation errors an `errors[]` naming resource, field and a short code.
 */

export type ErrorCode =
  | 'required'
  | 'invalid_format'
  | 'wrong_length'
  | 'invalid_value'
  | 'forbidden_value'
  | 'invalid_date'
  | 'custom';

export interface FieldError {
  resource: string;
  field: string;
  error: ErrorCode;
  extra_info: Record<string, unknown>;
}

export interface ErrorBody {
  message: string;
  errors?: FieldError[];
  /** How many problems there were, when `errors` lists only the first of them. */
  error_count?: number;
}

/**
 * The `field` used for an answer's errors, shared so the widget can put a
 * proxy's validation message next to the right question.
 *
 * @example
 * answerField(3) // 'answers[3]'
 */
export function answerField(questionId: number): string {
  return `answers[${questionId}]`;
}

/** The `field` for a customer field, segment or metadata key. */
export function groupField(group: 'customer' | 'segments' | 'metadata', key: string): string {
  return `${group}.${key}`;
}
