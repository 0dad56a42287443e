import { describe, expect, it, vi } from 'vitest';
import { debounce } from '../../../src/dashboard/state/debounce';
import { fakeTimers } from '../fixtures';

describe('debounce', () => {
  it('runs once, the given time after the last of a burst of calls', () => {
    const timers = fakeTimers();
    const fn = vi.fn();
    const later = debounce(fn, 500, timers);
    later.call();
    timers.advance(400);
    later.call();
    timers.advance(400);
    expect(fn).not.toHaveBeenCalled();
    timers.advance(100);
    expect(fn).toHaveBeenCalledTimes(1);
  });
  it('runs nothing once cancelled', () => {
    const timers = fakeTimers();
    const fn = vi.fn();
    const later = debounce(fn, 500, timers);
    later.call();
    later.cancel();
    timers.advance(1000);
    expect(fn).not.toHaveBeenCalled();
  });
});
