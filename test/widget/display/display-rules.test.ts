import { describe, expect, it } from 'vitest';
import { DisplaySchema } from '../../../src/shared/display-schema';
import type { AutoTrigger, Display } from '../../../src/shared/display-schema';
import { eventMatches, mayShowAutomatically, sampleBucket, urlMatches } from '../../../src/widget/display/display-rules';

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-22T12:00:00Z');
const display = (rules: Partial<Display> = {}): Display => DisplaySchema.parse(rules);
const at = { now: NOW, url: 'https://shop.example/orders/2090', bucket: 50 };

describe('urlMatches()', () => {
  const url = 'https://shop.example/orders/2090?ref=mail';
  it.each([
    [[], true],
    [[{ match: 'exact', value: url }], true],
    [[{ match: 'exact', value: 'https://shop.example/orders/2090' }], false],
    [[{ match: 'contains', value: '/orders/' }], true],
    [[{ match: 'starts_with', value: 'https://shop.example/orders' }], true],
    [[{ match: 'starts_with', value: 'https://shop.example/cart' }], false],
    [[{ match: 'regex', value: '/orders/\\d+' }], true],
    [[{ match: 'regex', value: '^https://other\\.example' }], false],
    [[{ match: 'contains', value: '/cart' }, { match: 'contains', value: 'ref=mail' }], true],
    [[{ match: 'regex', value: '(' }], false],
  ] as const)('rules %j: %s', (rules, expected) => {
    expect(urlMatches(rules, url)).toBe(expected);
  });
});

describe('eventMatches()', () => {
  const checkout: AutoTrigger = { on: 'event', name: 'checkout', where: { plan: 'pro', total: { gte: 100, lte: 500 }, first: true }, delay_seconds: 0 };
  it('matches the event name with every condition met', () => {
    expect(eventMatches(checkout, 'checkout', { plan: 'pro', total: 250, first: true, other: 'x' })).toBe(true);
  });
  it.each([
    ['another event', 'signup', { plan: 'pro', total: 250, first: true }],
    ['a different value', 'checkout', { plan: 'basic', total: 250, first: true }],
    ['a number out of bounds', 'checkout', { plan: 'pro', total: 99, first: true }],
    ['a number given as text', 'checkout', { plan: 'pro', total: '250', first: true }],
    ['a missing property', 'checkout', { plan: 'pro', total: 250 }],
  ])('refuses %s', (_why, name, properties) => {
    expect(eventMatches(checkout, name, properties)).toBe(false);
  });
  it('matches any properties when there are no conditions, and never a non-event trigger', () => {
    expect(eventMatches({ on: 'event', name: 'checkout', delay_seconds: 0 }, 'checkout', {})).toBe(true);
    expect(eventMatches({ on: 'load', delay_seconds: 0 }, 'checkout', {})).toBe(false);
  });
});

describe('sampleBucket()', () => {
  it('gives a visitor the same place every time, between 0 and 100', () => {
    expect(sampleBucket(0.42, 'nps')).toBe(sampleBucket(0.42, 'nps'));
    expect(sampleBucket(0.42, 'nps')).toBeGreaterThanOrEqual(0);
    expect(sampleBucket(0.42, 'nps')).toBeLessThan(100);
  });
  it('spreads visitors evenly: about a quarter of 10,000 fall in a 25% sample', () => {
    let inSample = 0;
    for (let i = 0; i < 10_000; i++) if (sampleBucket(i / 10_000, 'post-purchase') < 25) inSample += 1;
    expect(inSample).toBeGreaterThan(2300);
    expect(inSample).toBeLessThan(2700);
  });
  it('places one visitor independently in different surveys', () => {
    const places = ['a', 'b', 'c', 'd', 'e'].map((survey) => sampleBucket(0.42, survey));
    expect(new Set(places.map((p) => Math.floor(p / 20))).size).toBeGreaterThan(1);
  });
});

describe('mayShowAutomatically()', () => {
  it('shows a survey never answered, by default until answered', () => {
    expect(mayShowAutomatically(display(), {}, at)).toBe(true);
    expect(mayShowAutomatically(display(), { shownAt: NOW - DAY }, at)).toBe(true);
    expect(mayShowAutomatically(display(), { answeredAt: NOW - DAY }, at)).toBe(false);
  });
  it('shows a once survey only until it has been shown', () => {
    expect(mayShowAutomatically(display({ frequency: 'once' }), {}, at)).toBe(true);
    expect(mayShowAutomatically(display({ frequency: 'once' }), { shownAt: NOW - 300 * DAY }, at)).toBe(false);
  });
  it('asks again once the recontact period has passed since it was shown (once) or answered', () => {
    const once = display({ frequency: 'once', recontact_days: 30 });
    expect(mayShowAutomatically(once, { shownAt: NOW - 29 * DAY }, at)).toBe(false);
    expect(mayShowAutomatically(once, { shownAt: NOW - 30 * DAY }, at)).toBe(true);
    const untilAnswered = display({ recontact_days: 90 });
    expect(mayShowAutomatically(untilAnswered, { answeredAt: NOW - 89 * DAY }, at)).toBe(false);
    expect(mayShowAutomatically(untilAnswered, { answeredAt: NOW - 90 * DAY }, at)).toBe(true);
  });
  it('always shows an always survey', () => {
    expect(mayShowAutomatically(display({ frequency: 'always' }), { shownAt: NOW, answeredAt: NOW }, at)).toBe(true);
  });
  it('shows only to the sampled share of visitors', () => {
    expect(mayShowAutomatically(display({ sample_percent: 25 }), {}, { ...at, bucket: 24.99 })).toBe(true);
    expect(mayShowAutomatically(display({ sample_percent: 25 }), {}, { ...at, bucket: 25 })).toBe(false);
    expect(mayShowAutomatically(display({ sample_percent: 0 }), {}, { ...at, bucket: 0 })).toBe(false);
  });
  it('shows only on pages its URL rules match', () => {
    const rules = display({ urls: [{ match: 'contains', value: '/orders/' }] });
    expect(mayShowAutomatically(rules, {}, at)).toBe(true);
    expect(mayShowAutomatically(rules, {}, { ...at, url: 'https://shop.example/cart' })).toBe(false);
  });
});

describe('DisplaySchema', () => {
  it('defaults to no triggers, shown until answered, to everyone', () => {
    expect(DisplaySchema.parse({})).toEqual({ triggers: [], urls: [], frequency: 'until_answered', sample_percent: 100 });
  });
  it('refuses a URL regex that does not compile, and a bounds condition without bounds', () => {
    expect(DisplaySchema.safeParse({ urls: [{ match: 'regex', value: '(' }] }).success).toBe(false);
    expect(DisplaySchema.safeParse({ triggers: [{ on: 'event', name: 'x', where: { total: {} } }] }).success).toBe(false);
  });
});
