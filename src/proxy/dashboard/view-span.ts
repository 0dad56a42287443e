import type { FieldError } from '../../shared/error-body';
import type { RangeQuery } from '../../shared/dashboard/dashboard-query';
import { daySpans, MAX_SPAN_DAYS, spanLength, tryParseDate, type DaySpan } from '../../shared/periods/day-span';
import { fieldError } from '../validation-error';

export type SpanResult = { ok: true; current: DaySpan; previous: DaySpan } | { ok: false; errors: FieldError[] };

/**
 * The days a view covers and the span before it, in the org's zone; a custom
 * range that names a day the calendar lacks (2026-02-30) or runs past ten years
 * is a v1 422 naming the parameter, never a thrown RangeError.
 */
export function viewSpans(query: RangeQuery, now: Date, tz: string): SpanResult {
  const errors: FieldError[] = [];
  for (const key of ['from', 'to'] as const) {
    const value = query[key];
    if (value !== undefined && !tryParseDate(value)) errors.push(fieldError(key, 'invalid_date', { valid_format: 'YYYY-MM-DD' }));
  }
  if (errors.length === 0 && query.from && query.to && spanLength(query.from, query.to) > MAX_SPAN_DAYS) {
    errors.push(fieldError('to', 'invalid_value', { message: `a range of at most ${MAX_SPAN_DAYS} days` }));
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, ...daySpans(query, now, tz) };
}
