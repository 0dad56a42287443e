/** Where a reply's shape departs from the seed's example, and how. */
export interface ShapeDifference {
  /** A JSONPath-like location: `$.survey.id`, `$[*].team_id` (every item of a list). */
  at: string;
  problem: string;
}

/**
 * Compares a reply with the seed's example of it: every key the example has
 * must be in the reply, holding the same JSON type; keys the reply adds are
 * fine. A `null` in the example matches anything, since "Blank fields are
 * included as null instead of being omitted" makes it an empty field, not a
 * type. Every item of a reply list is held to the example's first item (the
 * seed elides the rest as `{ … }`).
 *
 * @example
 * shapeDifferences({ id: '1', name: 'x' }, { id: 1 })
 * // [{ at: '$.id', problem: 'the seed has a string ("1"), the proxy a number (1)' },
 * //  { at: '$.name', problem: 'missing' }]
 */
export function shapeDifferences(seed: unknown, reply: unknown, at = '$'): ShapeDifference[] {
  if (seed === null) return [];
  if (jsonType(seed) !== jsonType(reply)) {
    return [{ at, problem: `the seed has ${describe(seed)}, the proxy ${describe(reply)}` }];
  }
  if (Array.isArray(seed) && Array.isArray(reply)) {
    if (seed.length === 0) return [];
    if (reply.length === 0) return [{ at, problem: 'the seed shows items, the proxy an empty list' }];
    return unique(reply.flatMap((item) => shapeDifferences(seed[0], item, `${at}[*]`)));
  }
  if (isObject(seed) && isObject(reply)) {
    return Object.entries(seed).flatMap(([key, value]) =>
      Object.hasOwn(reply, key) ? shapeDifferences(value, reply[key], `${at}.${key}`) : [{ at: `${at}.${key}`, problem: 'missing' }],
    );
  }
  return [];
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

function describe(value: unknown): string {
  const type = jsonType(value);
  const article = type === 'array' || type === 'object' ? 'an' : 'a';
  const shown = JSON.stringify(value);
  return type === 'null' ? 'null' : `${article} ${type} (${shown.length > 40 ? `${shown.slice(0, 40)}…` : shown})`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One difference per location: a list's items all differ the same way, and the first says how. */
function unique(differences: ShapeDifference[]): ShapeDifference[] {
  const byPlace = new Map<string, ShapeDifference>();
  for (const difference of differences) if (!byPlace.has(difference.at)) byPlace.set(difference.at, difference);
  return [...byPlace.values()];
}
