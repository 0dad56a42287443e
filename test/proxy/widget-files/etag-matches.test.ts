import { describe, expect, it } from 'vitest';
import { etagMatches } from '../../../src/proxy/widget-files/etag-matches';

describe('etagMatches()', () => {
  it.each<[string | undefined, string, boolean, string]>([
    ['"abc"', '"abc"', true, 'the same tag matches'],
    ['"abd"', '"abc"', false, 'another tag does not'],
    ['W/"abc"', '"abc"', true, 'a weakened copy of a strong tag matches (weak comparison)'],
    ['"abc"', 'W/"abc"', true, 'and the other way round'],
    ['"x", "abc", "y"', '"abc"', true, 'one tag in a list is enough'],
    ['"x",W/"abc"', '"abc"', true, 'lists need no spaces'],
    ['"a,b"', '"a,b"', true, 'a comma inside a tag is part of it, not a separator'],
    ['"a,b"', '"a"', false, 'so half of it does not match'],
    ['*', '"abc"', true, '* matches any current representation'],
    [' * ', '"abc"', true, 'with spaces around it too'],
    ['abc', '"abc"', false, 'an unquoted tag is no entity-tag and matches nothing'],
    ['"abc-br"', '"abc"', false, 'the brotli tag does not validate the plain bytes'],
    ['', '"abc"', false, 'an empty header matches nothing'],
    [undefined, '"abc"', false, 'no header matches nothing'],
  ])('If-None-Match %j vs %s → %s: %s', (header, etag, expected) => {
    expect(etagMatches(header, etag)).toBe(expected);
  });
});
