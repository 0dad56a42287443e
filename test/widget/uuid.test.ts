import { describe, expect, it } from 'vitest';
import { uuidv4 } from '../../src/widget/uuid';

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A getRandomValues that fills every byte with `byte`. */
function constantRandom(byte: number): Pick<Crypto, 'getRandomValues'> {
  return { getRandomValues: <T extends ArrayBufferView | null>(array: T) => ((array as unknown as Uint8Array).fill(byte), array) };
}

describe('uuidv4()', () => {
  it('is a valid v4 UUID when every random byte is zero', () => {
    expect(uuidv4(constantRandom(0))).toMatch(V4);
  });

  it('is a valid v4 UUID when every random byte is 0xff', () => {
    expect(uuidv4(constantRandom(0xff))).toMatch(V4);
  });

  it('takes every digit but the version from the random bytes', () => {
    const low = uuidv4(constantRandom(0));
    const high = uuidv4(constantRandom(0xff));
    const same = [...low].map((c, i) => (c === high[i] ? c : '.')).join('');
    expect(same).toBe('........-....-4...-....-............');
  });

  it('is a valid v4 UUID, different every time, with the real crypto', () => {
    const ids = Array.from({ length: 50 }, () => uuidv4(crypto));
    for (const id of ids) expect(id).toMatch(V4);
    expect(new Set(ids).size).toBe(50);
  });
});
