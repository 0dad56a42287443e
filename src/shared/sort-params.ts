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

/** Why a key was dropped, in words, for the proxy's error messages. */
export const DROP_REASON_TEXT: Record<DropReason, string> = {
  not_an_object: 'not a JSON object',
  unsafe_key: 'reserved key',
  empty_key: 'empty key',
  key_too_long: `key over ${MAX_KEY_LENGTH} characters`,
  empty_value: 'empty or null value',
  nested_value: 'nested value (use strings, numbers or booleans)',
  value_too_long: `value over ${MAX_VALUE_LENGTH} characters`,
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
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    sorted.dropped.push({ key: '(params)', reason: 'not_an_object' });
    return sorted;
  }
  for (const [key, raw] of Object.entries(params)) {
    const value = typeof raw === 'number' && !Number.isFinite(raw) ? null : raw;
    const reason = dropReason(key, value);
    if (reason) {
      sorted.dropped.push({ key, reason });
      continue;
    }
    const group = isCustomerField(key)
      ? sorted.customer
      : (BUILTIN_SEGMENTS as readonly string[]).includes(key) || customSegments.includes(key) ? sorted.segments : sorted.metadata;
    group[key] = String(value);
  }
  return sorted;
}

/** Why CustomerSure could not store this pair, or undefined when it can. */
function dropReason(key: string, value: unknown): DropReason | undefined {
  if (UNSAFE_KEYS.includes(key)) return 'unsafe_key';
  if (!key.trim()) return 'empty_key';
  if (key.length > MAX_KEY_LENGTH) return 'key_too_long';
  if (value === null || value === undefined || value === '') return 'empty_value';
  if (typeof value === 'object') return 'nested_value';
  if (String(value).length > MAX_VALUE_LENGTH) return 'value_too_long';
  return undefined;
}
