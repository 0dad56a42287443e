import type { FieldError } from '../shared/error-body';
import { fieldError } from './validation-error';

const DAY_MS = 24 * 3_600_000;
/** A device clock this far ahead is wrong, not skewed. */
export const SUBMITTED_AT_FUTURE_LIMIT_MS = DAY_MS;
/**
 * The widget's outbox keeps an unsent response until the visitor's next visit
 * to the site, which may be months later; a year and a day covers a yearly
 * visitor, and anything older is not a response worth counting in today's figures.
 */
export const SUBMITTED_AT_PAST_LIMIT_MS = 366 * DAY_MS;

/**
 * `submitted_at` against the proxy's clock: at most a day ahead, at most a
 * year and a day behind. Years 0000 and 9999 fall outside, as any date a
 * broken or hostile client makes up far from now.
 *
 * @example
 * checkSubmittedAt('9999-12-31T23:59:59Z', new Date()) // [{ field: 'submitted_at', error: 'invalid_date', … }]
 */
export function checkSubmittedAt(iso: string, now: Date): FieldError[] {
  const at = new Date(iso).getTime();
  if (at > now.getTime() + SUBMITTED_AT_FUTURE_LIMIT_MS) {
    return [fieldError('submitted_at', 'invalid_date', { message: 'must not be more than 24 hours ahead of the proxy’s clock', less_than: new Date(now.getTime() + SUBMITTED_AT_FUTURE_LIMIT_MS).toISOString() })];
  }
  if (at < now.getTime() - SUBMITTED_AT_PAST_LIMIT_MS) {
    return [fieldError('submitted_at', 'invalid_date', { message: 'must not be more than 366 days before the proxy’s clock', greater_than: new Date(now.getTime() - SUBMITTED_AT_PAST_LIMIT_MS).toISOString() })];
  }
  return [];
}
