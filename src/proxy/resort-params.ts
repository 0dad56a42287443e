import { segmentAnswers, type Answer } from '../shared/answer';
import { groupField, type FieldError } from '../shared/error-body';
import { MAX_KEY_LENGTH, MAX_VALUE_LENGTH, UNSAFE_KEYS } from '../shared/param-keys';
import { DROP_REASON_TEXT, sortParams, type DroppedParam, type ParamMap } from '../shared/sort-params';
import type { Survey } from '../shared/survey-schema';
import { fieldError } from './validation-error';

export type GroupName = 'customer' | 'segments' | 'metadata';
const GROUPS: readonly GroupName[] = ['customer', 'segments', 'metadata'];

/** The three groups exactly as they arrived in the raw JSON body, unvalidated. */
export type RawGroups = Partial<Record<GroupName, unknown>>;

export interface ResortedParams {
  customer: ParamMap;
  segments: ParamMap;
  metadata: ParamMap;
  errors: FieldError[];
  /** Keys refused here (duplicated or dropped); later checks should not call them missing. */
  rejected: Set<string>;
}

/**
 * Re-sorts the union of the posted groups with the shared `sortParams`, so the
 * browser's grouping is never trusted, then lets segment questions the visitor
 * answered win over segment params. Reads the raw body because zod silently
 * leaves `__proto__` keys out of records, and those must be refused, not lost.
 */
export function resortParams(raw: RawGroups, survey: Survey, answers: readonly Answer[]): ResortedParams {
  // No prototype, so "__proto__" stays an ordinary key for sortParams to refuse.
  const flat: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  const origin = new Map<string, GroupName>();
  const errors: FieldError[] = [];
  const rejected = new Set<string>();
  for (const group of GROUPS) {
    for (const [key, value] of ownEntries(raw[group])) {
      const first = origin.get(key);
      if (first) {
        errors.push(fieldError(groupField(group, key), 'invalid_value', { message: `"${key}" is also given in ${first}` }));
        rejected.add(key);
        continue;
      }
      origin.set(key, group);
      flat[key] = value;
    }
  }
  const sorted = sortParams(flat, survey.custom_segments);
  for (const dropped of sorted.dropped) {
    errors.push(droppedError(dropped, origin.get(dropped.key) ?? 'metadata'));
    rejected.add(dropped.key);
  }
  const segments = { ...sorted.segments, ...segmentAnswers(survey.questions, answers) };
  return { customer: sorted.customer, segments, metadata: sorted.metadata, errors, rejected };
}

/** Reported on the group the browser sent the key in: that is the field the client can fix. */
function droppedError({ key, reason }: DroppedParam, group: GroupName): FieldError {
  const field = groupField(group, key);
  switch (reason) {
    case 'key_too_long':
      return fieldError(field, 'wrong_length', { maximum: MAX_KEY_LENGTH });
    case 'value_too_long':
      return fieldError(field, 'wrong_length', { maximum: MAX_VALUE_LENGTH });
    case 'unsafe_key':
      return fieldError(field, 'forbidden_value', { disallowed_values: UNSAFE_KEYS });
    default:
      return fieldError(field, 'invalid_value', { message: DROP_REASON_TEXT[reason] });
  }
}

function ownEntries(value: unknown): [string, unknown][] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  const record = value as Record<string, unknown>;
  // JSON.parse makes "__proto__" an own data property; reading it by key returns that property, not the prototype.
  return Object.keys(record).map((key) => [key, record[key]]);
}
