// An entity-tag: an optional weak prefix and a quoted opaque tag, which may hold commas (RFC 9110 §8.8.3).
const ENTITY_TAG = /(?:W\/)?"([^"]*)"/g;

/**
 * Whether an `If-None-Match` header names the representation whose ETag is
 * `etag`, so the answer is 304. RFC 9110 §13.1.2 compares weakly here: `W/"x"`
 * and `"x"` match, as a cache that weakened our tag would send it back. `*`
 * matches any current representation; a header that holds no entity-tag
 * matches nothing, so the client gets the full answer.
 *
 * @example
 * etagMatches('"a", W/"b"', '"b"') // true
 */
export function etagMatches(ifNoneMatch: string | null | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  const wanted = opaqueTag(etag);
  for (const [, tag] of ifNoneMatch.matchAll(ENTITY_TAG)) {
    if (tag === wanted) return true;
  }
  return false;
}

function opaqueTag(etag: string): string {
  return etag.replace(/^W\//, '').replace(/^"|"$/g, '');
}
