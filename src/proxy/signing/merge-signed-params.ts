import type { RawGroups } from '../resort-params';

const GROUPS = ['customer', 'segments', 'metadata'] as const;

/**
 * The posted groups with verified claims merged in, ready for re-sorting:
 * a signed key leaves whatever group the browser posted it in and its signed
 * value takes its place, so it is sorted (and checked) like any param. Posted
 * keys the claims do not name stay, such as fields the visitor typed. Null-
 * prototype objects keep a `__proto__` key a key, for the param rules to refuse.
 *
 * @example
 * mergeSignedParams({ customer: { email: 'typed@example.com', name: 'Ann' } }, { email: 'signed@example.com' })
 * // { customer: { name: 'Ann' }, segments: {}, metadata: { email: 'signed@example.com' } }
 */
export function mergeSignedParams(raw: RawGroups, claims: Record<string, string>): RawGroups {
  const merged = { customer: bare(), segments: bare(), metadata: bare() };
  for (const group of GROUPS) {
    // The payload schema has already checked each group is an object (or absent).
    const posted = (raw[group] ?? {}) as Record<string, unknown>;
    for (const key of Object.keys(posted)) if (!Object.hasOwn(claims, key)) merged[group][key] = posted[key];
  }
  // Which group they join does not matter: the re-sort places every key by the shared rules.
  for (const key of Object.keys(claims)) merged.metadata[key] = claims[key];
  return merged;
}

/**
 * Lets signed values win over segment questions' answers too, which the
 * re-sort puts over segment params: a verified response's every signed key is
 * as the merchant's server signed it. Mutates and returns `segments`.
 */
export function keepSignedSegments(segments: Record<string, string>, claims: Record<string, string>): Record<string, string> {
  for (const key of Object.keys(segments)) if (Object.hasOwn(claims, key)) segments[key] = claims[key]!;
  return segments;
}

function bare(): Record<string, unknown> {
  return Object.create(null) as Record<string, unknown>;
}
