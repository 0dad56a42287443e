import { describe, expect, it } from 'vitest';
import { bodyHash, canonicalJson } from '../../src/proxy/body-hash';

describe('bodyHash()', () => {
  it('is the same for the same content in any key order', () => {
    expect(bodyHash({ a: 1, b: { c: [1, 2], d: 'x' } })).toBe(bodyHash({ b: { d: 'x', c: [1, 2] }, a: 1 }));
  });

  it('differs when a value or the order of a list differs', () => {
    expect(bodyHash({ a: [1, 2] })).not.toBe(bodyHash({ a: [2, 1] }));
    expect(bodyHash({ a: '1' })).not.toBe(bodyHash({ a: 1 }));
  });

  it('is a sha256 hex digest', () => {
    expect(bodyHash({})).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('canonicalJson()', () => {
  it('sorts keys at every depth and leaves out undefined values, as JSON does', () => {
    expect(canonicalJson({ b: 1, a: { d: null, c: undefined }, e: ['z', 'y'] })).toBe('{"a":{"d":null},"b":1,"e":["z","y"]}');
  });
});
