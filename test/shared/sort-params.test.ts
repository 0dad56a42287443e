import { describe, expect, it } from 'vitest';
import { DROP_REASON_TEXT, sortParams } from '../../src/shared/sort-params';
import type { DropReason } from '../../src/shared/sort-params';
import { SEED_PARAMS } from './fixtures';

describe('sortParams()', () => {
  it('sorts the seed snippet into a customer field, a segment and unique metadata', () => {
    expect(sortParams(SEED_PARAMS)).toEqual({
      customer: { name: 'Mariner' },
      segments: { staff_code: 'luke' },
      metadata: { reference: 'INV-2090' },
      dropped: [],
    });
  });

  it('treats all five customer keys as customer fields', () => {
    const customer = {
      name: 'Mariner',
      email: 'mariner@example.com',
      telephone_number: '+44 7700 900123',
      company_name: 'Acme Ltd',
      postcode: 'NE1 4ST',
    };
    expect(sortParams(customer)).toEqual({ customer, segments: {}, metadata: {}, dropped: [] });
  });

  it('treats staff_code and site_code as segments on every survey', () => {
    expect(sortParams({ staff_code: 'luke', site_code: 'newcastle' }).segments).toEqual({ staff_code: 'luke', site_code: 'newcastle' });
  });

  it('treats a custom segment key as a segment when the survey declares it', () => {
    const sorted = sortParams({ account_type: 'trade' }, ['account_type']);
    expect(sorted.segments).toEqual({ account_type: 'trade' });
    expect(sorted.metadata).toEqual({});
  });

  it('treats a custom segment key as metadata when the survey does not declare it', () => {
    const sorted = sortParams({ account_type: 'trade' }, ['plan']);
    expect(sorted.segments).toEqual({});
    expect(sorted.metadata).toEqual({ account_type: 'trade' });
  });

  it('keeps reference, machine_id and any unknown key as metadata', () => {
    expect(sortParams({ reference: 'INV-2090', machine_id: 'till-4', basket_size: '3' }).metadata).toEqual({
      reference: 'INV-2090',
      machine_id: 'till-4',
      basket_size: '3',
    });
  });

  it('turns numbers and booleans into strings, zero and false included', () => {
    expect(sortParams({ telephone_number: 7700900123, order_total: 19.5, vip: true, count: 0, gift: false })).toEqual({
      customer: { telephone_number: '7700900123' },
      segments: {},
      metadata: { order_total: '19.5', vip: 'true', count: '0', gift: 'false' },
      dropped: [],
    });
  });

  it('keeps a 30-character key and a 100-character value, the CustomerSure limits', () => {
    const key = 'k'.repeat(30);
    expect(sortParams({ [key]: 'v'.repeat(100) })).toMatchObject({ metadata: { [key]: 'v'.repeat(100) }, dropped: [] });
  });

  it.each<[string, Record<string, unknown>, string, DropReason]>([
    ['a key over 30 characters', { ['k'.repeat(31)]: 'x' }, 'k'.repeat(31), 'key_too_long'],
    ['a value over 100 characters', { note: 'v'.repeat(101) }, 'note', 'value_too_long'],
    ['a nested object', { order: { id: 1 } }, 'order', 'nested_value'],
    ['an array', { tags: ['a', 'b'] }, 'tags', 'nested_value'],
    ['an empty array', { tags: [] }, 'tags', 'nested_value'],
    ['null', { name: null }, 'name', 'empty_value'],
    ['an empty string', { email: '' }, 'email', 'empty_value'],
    ['undefined', { email: undefined }, 'email', 'empty_value'],
    ['NaN', { score: Number.NaN }, 'score', 'empty_value'],
    ['Infinity', { score: Number.POSITIVE_INFINITY }, 'score', 'empty_value'],
    ['an empty key', { '': 'x' }, '', 'empty_key'],
    ['a key of spaces', { '   ': 'x' }, '   ', 'empty_key'],
    ['a constructor key', { constructor: 'x' }, 'constructor', 'unsafe_key'],
    ['a prototype key', { prototype: 'x' }, 'prototype', 'unsafe_key'],
    ['a __proto__ key from JSON', JSON.parse('{"__proto__": "x"}') as Record<string, unknown>, '__proto__', 'unsafe_key'],
  ])('drops %s and says why', (_, params, key, reason) => {
    expect(sortParams(params)).toEqual({ customer: {}, segments: {}, metadata: {}, dropped: [{ key, reason }] });
  });

  it('keeps every other key when one is dropped', () => {
    const sorted = sortParams({ ...SEED_PARAMS, order: { id: 1 }, note: '' });
    expect(sorted).toMatchObject({ customer: { name: 'Mariner' }, segments: { staff_code: 'luke' }, metadata: { reference: 'INV-2090' } });
    expect(sorted.dropped).toEqual([
      { key: 'order', reason: 'nested_value' },
      { key: 'note', reason: 'empty_value' },
    ]);
  });

  it('never lets a JSON "__proto__" key pollute Object.prototype', () => {
    const params = JSON.parse('{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"polluted": "yes"}}, "name": "Mariner"}') as unknown;
    const sorted = sortParams(params);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(sorted.customer).toEqual({ name: 'Mariner' });
    expect(Object.getPrototypeOf(sorted.metadata)).toBe(Object.prototype);
    expect(sorted.dropped.map((d) => d.reason)).toEqual(['unsafe_key', 'unsafe_key']);
  });

  it.each([
    ['null', null],
    ['an array', [{ name: 'Mariner' }]],
    ['a string', '{"name": "Mariner"}'],
    ['a number', 42],
    ['undefined', undefined],
  ])('refuses %s as a whole with not_an_object', (_, params) => {
    expect(sortParams(params)).toEqual({
      customer: {},
      segments: {},
      metadata: {},
      dropped: [{ key: '(params)', reason: 'not_an_object' }],
    });
  });
});

describe('DROP_REASON_TEXT', () => {
  it('words the length limits with the numbers a merchant needs', () => {
    expect(DROP_REASON_TEXT.key_too_long).toBe('key over 30 characters');
    expect(DROP_REASON_TEXT.value_too_long).toBe('value over 100 characters');
  });
});
