import type { CodeTaken } from '../store/site-store';
import { apiFieldError, validationFailed } from './api-errors';

/** True when a store write was refused because the code belongs to another record. */
export function isTaken(result: object): result is CodeTaken {
  return 'taken' in result;
}

/** "disallowed_values: a list of forbidden values for this field": a code another record of the org already has. */
export function codeTaken(resource: string, { taken }: CodeTaken, field = 'site_code'): Response {
  return validationFailed([apiFieldError(resource, field, 'forbidden_value', { disallowed_values: [taken], message: `${field} "${taken}" is already in use` })]);
}
