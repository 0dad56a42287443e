import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DisplaySchema } from '../../../src/shared/display-schema';
import type { DisplayInput } from './display-input';
import { createAutoDisplay } from '../../../src/widget/display/auto-display';
import type { DisplayTarget } from '../../../src/widget/display/auto-display';
import { createSafeStorage } from '../../../src/widget/delivery/safe-storage';
import { createVisitorStore } from '../../../src/widget/display/visitor-store';
import { fakeStorage } from '../fixtures';

const START = Date.parse('2026-11-22T12:00:00Z');

beforeEach(() => {
  vi.useFakeTimers({ now: START });
  history.replaceState(null, '', '/orders/2090');
});
afterEach(() => {
  vi.useRealTimers();
});

/** A widget that records its openings, over a shared visitor store. */
function target(display: DisplayInput, key = 'acme/nps') {
  const opened: number[] = [];
  let shown = false;
  const t: DisplayTarget & { opened: number[] } = {
    key, display: DisplaySchema.parse(display), opened,
    isShown: () => shown,
    isThanking: () => shown,
    open: () => void (opened.push(Date.now()), (shown = true)),
    close: () => void (shown = false),
  };
  return t;
}

function setUp(random = 0.5, backing = fakeStorage()) {
  const store = createVisitorStore(createSafeStorage(() => backing), () => random);
  const auto = createAutoDisplay(window, store, Date.now);
  return { auto, store, backing };
}

describe('createAutoDisplay()', () => {
  it('shows a survey on page load after its delay', () => {
    const { auto } = setUp();
    const t = target({ triggers: [{ on: 'load', delay_seconds: 3 }] });
    auto.add(t);
    vi.advanceTimersByTime(2999);
    expect(t.opened).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(t.opened).toEqual([START + 3000]);
    auto.stop();
  });

  it('shows a survey after N seconds on the page', () => {
    const { auto } = setUp();
    const t = target({ triggers: [{ on: 'time', seconds: 20 }] });
    auto.add(t);
    vi.advanceTimersByTime(19_999);
    expect(t.opened).toHaveLength(0);
    vi.advanceTimersByTime(2);
    expect(t.opened).toHaveLength(1);
    auto.stop();
  });

  it('shows a survey on a matching scripted event, and not on another event or unmet conditions', () => {
    const { auto } = setUp();
    const t = target({ triggers: [{ on: 'event', name: 'checkout', where: { total: { gte: 100 } } }], frequency: 'always' });
    auto.add(t);
    auto.trigger('signup', { total: 500 });
    auto.trigger('checkout', { total: 50 });
    vi.runAllTimers();
    expect(t.opened).toHaveLength(0);
    auto.trigger('checkout', { total: 150 });
    vi.runAllTimers();
    expect(t.opened).toHaveLength(1);
    auto.stop();
  });

  it('hears an event fired before the survey had loaded, but not one from before an SPA navigation', () => {
    const { auto } = setUp();
    auto.trigger('checkout', { total: 150 });
    const t = target({ triggers: [{ on: 'event', name: 'checkout' }], frequency: 'always' });
    auto.add(t);
    vi.runAllTimers();
    expect(t.opened).toHaveLength(1);
    t.close();
    auto.trigger('signup', {});
    history.pushState(null, '', '/next');
    const late = target({ triggers: [{ on: 'event', name: 'signup' }], frequency: 'always' }, 'acme/late');
    auto.add(late);
    vi.runAllTimers();
    expect(late.opened).toHaveLength(0);
    auto.stop();
  });

  it('shows one survey at a time: a trigger while another survey is shown does nothing', () => {
    const { auto } = setUp();
    const first = target({ triggers: [{ on: 'load' }] }, 'acme/first');
    const second = target({ triggers: [{ on: 'event', name: 'go' }] }, 'acme/second');
    auto.add(first);
    auto.add(second);
    vi.runAllTimers();
    auto.trigger('go', {});
    vi.runAllTimers();
    expect([first.opened.length, second.opened.length]).toEqual([1, 0]);
    auto.stop();
  });

  it('shows a once survey once per visitor, and again after the recontact period', () => {
    const backing = fakeStorage();
    const visit = () => {
      const { auto } = setUp(0.5, backing);
      const t = target({ triggers: [{ on: 'load' }], frequency: 'once', recontact_days: 30 });
      auto.add(t);
      vi.runAllTimers();
      if (t.isShown()) auto.shown(t);
      auto.stop();
      return t.opened.length;
    };
    expect(visit()).toBe(1);
    vi.setSystemTime(START + 29 * 86_400_000);
    expect(visit()).toBe(0);
    vi.setSystemTime(START + 30 * 86_400_000);
    expect(visit()).toBe(1);
  });

  it('stops showing an until_answered survey once answered, and closes it after the thank-you when asked to', () => {
    const backing = fakeStorage();
    const { auto } = setUp(0.5, backing);
    const t = target({ triggers: [{ on: 'event', name: 'go' }], close_after_seconds: 5 });
    auto.add(t);
    auto.trigger('go', {});
    vi.runAllTimers();
    auto.answered(t);
    vi.advanceTimersByTime(4999);
    expect(t.isShown()).toBe(true);
    vi.advanceTimersByTime(1);
    expect(t.isShown()).toBe(false);
    auto.trigger('go', {});
    vi.runAllTimers();
    expect(t.opened).toHaveLength(1);
    auto.stop();
  });

  it('samples visitors by their stored seed: the same visitor gets the same answer on every visit', () => {
    const results = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9].map((seed) => {
      const backing = fakeStorage();
      const visits = [1, 2, 3].map(() => {
        const { auto } = setUp(seed, backing);
        const t = target({ triggers: [{ on: 'load' }], frequency: 'always', sample_percent: 50 });
        auto.add(t);
        vi.runAllTimers();
        auto.stop();
        return t.opened.length;
      });
      expect(new Set(visits).size).toBe(1);
      return visits[0];
    });
    expect(results).toContain(0);
    expect(results).toContain(1);
  });

  it('closes a shown survey when an SPA navigation leaves its URL rules, and re-arms its triggers', () => {
    const { auto } = setUp();
    const t = target({ triggers: [{ on: 'load' }], urls: [{ match: 'contains', value: '/orders/' }], frequency: 'always' });
    auto.add(t);
    vi.runAllTimers();
    expect(t.isShown()).toBe(true);
    history.pushState(null, '', '/cart');
    expect(t.isShown()).toBe(false);
    vi.runAllTimers();
    expect(t.opened).toHaveLength(1);
    history.pushState(null, '', '/orders/2091');
    vi.runAllTimers();
    expect(t.opened).toHaveLength(2);
    auto.stop();
  });

  it('removes its timers, listeners and history wrappers on stop', () => {
    const pushState = history.pushState;
    const { auto } = setUp();
    const t = target({ triggers: [{ on: 'time', seconds: 5 }] });
    auto.add(t);
    expect(history.pushState).not.toBe(pushState);
    auto.stop();
    expect(history.pushState).toBe(pushState);
    vi.runAllTimers();
    expect(t.opened).toEqual([]);
  });
});
