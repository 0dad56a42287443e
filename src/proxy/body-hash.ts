import { createHash } from 'node:crypto';

/**
 * sha256 of a value's canonical JSON (object keys sorted at every depth), so a
 * retry is recognised by what it says, not by how its JSON was spelled.
 *
 * @example
 * bodyHash({ a: 1, b: 2 }) === bodyHash({ b: 2, a: 1 }) // true
 */
export function bodyHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

/** JSON with object keys in sorted order; arrays keep their order, which carries meaning. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).filter((k) => record[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
