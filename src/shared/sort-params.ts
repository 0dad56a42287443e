import {
  BUILTIN_SEGMENTS,
  MAX_KEY_LENGTH,
  MAX_VALUE_LENGTH,
  UNSAFE_KEYS,
  isCustomerField,
} from './param-keys';

/** String map used for the three groups; plain objects, never touched through a prototype. */
export type ParamMap = Record<string, string>;

export type DropReason =
  | 'not_an_object'
  | 'unsafe_key'
  | 'empty_key'
  | 'key_too_long'
  | 'empty_value'
  | 'nested_value'
  | 'value_too_long';

export interface DroppedParam {
  key: string;
  reason: DropReason;
}

/** `data-survey-params` sorted into CustomerSure's three kinds of data. */
export interface SortedParams {
  customer: ParamMap;
  segments: ParamMap;
  metadata: ParamMap;
  /** Keys that were refused, with why; the caller decides whether to warn or reject. */
  dropped: DroppedParam[];
}

export const DROP_REASON_TEXT: Record<DropReason, string> = {
  not_an_object: 'survey params must be a JSON object',
  unsafe_key: 'this key is reserved and never accepted',
  empty_key: 'the key is empty',
  key_too_long: `keys are limited to ${MAX_KEY_LENGTH} characters`,
  empty_value: 'the value is empty or null',
  nested_value: 'only strings, numbers and booleans are accepted, not objects or arrays',
  value_too_long: `values are limited to ${MAX_VALUE_LENGTH} characters`,
};

/**
 * Sorts survey params into customer fields, segments and unique metadata.
 * Used by the widget for prefill and again by the proxy, which never trusts
 * the browser's grouping. Values become strings; anything CustomerSure could
 * not store is dropped and reported in `dropped`.
 *
 * @example
 * sortParams({ name: 'Mariner', staff_code: 'luke', reference: 'INV-2090' })
 * // { customer: { name: 'Mariner' }, segments: { staff_code: 'luke' },
 * //   metadata: { reference: 'INV-2090' }, dropped: [] }
 */
export function sortParams(params: unknown, customSegments: readonly string[] = []): SortedParams {
  const sorted: SortedParams = { customer: {}, segments: {}, metadata: {}, dropped: [] };
  if (!isPlainObject(params)) {
    sorted.dropped.push({ key: '(params)', reason: 'not_an_object' });
    return sorted;
  }
  for (const key of Object.keys(params)) {
    const value = toParamValue(params[key]);
    const reason = keyProblem(key) ?? (typeof value === 'string' ? valueProblem(value) : value.reason);
    if (reason) {
      sorted.dropped.push({ key, reason });
      continue;
    }
    groupOf(key, customSegments, sorted)[key] = value as string;
  }
  return sorted;
}

function groupOf(key: string, customSegments: readonly string[], sorted: SortedParams): ParamMap {
  if (isCustomerField(key)) return sorted.customer;
  if ((BUILTIN_SEGMENTS as readonly string[]).includes(key) || customSegments.includes(key)) return sorted.segments;
  return sorted.metadata;
}

function keyProblem(key: string): DropReason | undefined {
  if (UNSAFE_KEYS.includes(key)) return 'unsafe_key';
  if (key.trim() === '') return 'empty_key';
  if (key.length > MAX_KEY_LENGTH) return 'key_too_long';
  return undefined;
}

function valueProblem(value: string): DropReason | undefined {
  if (value === '') return 'empty_value';
  if (value.length > MAX_VALUE_LENGTH) return 'value_too_long';
  return undefined;
}

function toParamValue(value: unknown): string | { reason: DropReason } {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return { reason: 'empty_value' };
  return { reason: 'nested_value' };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
