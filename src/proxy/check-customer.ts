import { groupField, type FieldError } from '../shared/error-body';
import { EMAIL_PATTERN } from '../shared/param-keys';
import type { ParamMap } from '../shared/sort-params';
import type { CustomerFieldQuestion } from '../shared/survey-schema';
import { fieldError } from './validation-error';

/**
 * Checks the re-sorted customer fields against the survey: required fields
 * present, an email shaped like one (the shared pattern the widget checks
 * too). Keys in `rejected` already have an error, so are not "missing".
 */
export function checkCustomer(
  customer: ParamMap,
  fields: readonly CustomerFieldQuestion[],
  rejected: ReadonlySet<string> = new Set(),
): FieldError[] {
  const errors: FieldError[] = [];
  for (const { field, required } of fields) {
    const given = customer[field]?.trim();
    if (required && !given && !rejected.has(field)) errors.push(fieldError(groupField('customer', field), 'required'));
  }
  const email = customer.email;
  if (email !== undefined && !EMAIL_PATTERN.test(email)) {
    errors.push(fieldError(groupField('customer', 'email'), 'invalid_format', { valid_format: EMAIL_PATTERN.source }));
  }
  return errors;
}
