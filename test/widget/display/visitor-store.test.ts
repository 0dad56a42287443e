import { describe, expect, it } from 'vitest';
import { createSafeStorage } from '../../../src/widget/delivery/safe-storage';
import { createVisitorStore } from '../../../src/widget/display/visitor-store';
import { fakeStorage } from '../fixtures';

describe('createVisitorStore()', () => {
  it('draws the visitor’s seed once and keeps it across visits', () => {
    const backing = fakeStorage();
    const draws = [0.25, 0.75];
    const first = createVisitorStore(createSafeStorage(() => backing), () => draws.shift()!);
    expect(first.seed()).toBe(0.25);
    expect(createVisitorStore(createSafeStorage(() => backing), () => 0.9).seed()).toBe(0.25);
    expect(backing.getItem('customersure-survey-widget:visitor:seed')).toBe('0.25');
  });

  it('remembers when each survey was shown and answered, separately', () => {
    const backing = fakeStorage();
    const store = createVisitorStore(createSafeStorage(() => backing), () => 0.5);
    store.update('acme/nps', { shownAt: 1 });
    store.update('acme/nps', { answeredAt: 2 });
    store.update('acme/csat', { shownAt: 3 });
    expect(store.get('acme/nps')).toEqual({ shownAt: 1, answeredAt: 2 });
    expect(store.get('acme/csat')).toEqual({ shownAt: 3 });
    expect(store.get('acme/other')).toEqual({});
  });

  it('keeps everything in memory for the page when storage throws', () => {
    const store = createVisitorStore(createSafeStorage(() => fakeStorage(true)), () => 0.5);
    expect(store.seed()).toBe(0.5);
    store.update('acme/nps', { shownAt: 1 });
    expect(store.get('acme/nps')).toEqual({ shownAt: 1 });
  });

  it('reads an unreadable record as empty', () => {
    const backing = fakeStorage();
    backing.setItem('customersure-survey-widget:visitor:acme/nps', '{oops');
    expect(createVisitorStore(createSafeStorage(() => backing), () => 0.5).get('acme/nps')).toEqual({});
  });
});
