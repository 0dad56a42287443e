import { describe, expect, it } from 'vitest';
import { createSafeStorage, STORAGE_PREFIX } from '../../../src/widget/delivery/safe-storage';
import { fakeStorage } from '../fixtures';

describe('createSafeStorage()', () => {
  it('keeps values under the widget’s own prefix', () => {
    const backing = fakeStorage();
    const storage = createSafeStorage(() => backing);
    expect(storage.set('outbox:1', 'a')).toBe(true);
    expect(backing.map.get(`${STORAGE_PREFIX}outbox:1`)).toBe('a');
    expect(storage.get('outbox:1')).toBe('a');
  });

  it('lists its keys by prefix and leaves the page’s own keys alone', () => {
    const backing = fakeStorage();
    backing.setItem('outbox:page-own', 'x');
    const storage = createSafeStorage(() => backing);
    storage.set('outbox:1', 'a');
    storage.set('draft:acme/nps', 'b');
    expect(storage.keys('outbox:')).toEqual(['outbox:1']);
    storage.remove('outbox:1');
    expect(storage.keys('outbox:')).toEqual([]);
    expect(backing.getItem('outbox:page-own')).toBe('x');
  });

  it('acts as empty, never throwing, when every call throws (quota, private mode)', () => {
    const storage = createSafeStorage(() => fakeStorage(true));
    expect(storage.set('k', 'v')).toBe(false);
    expect(storage.get('k')).toBeNull();
    expect(storage.keys('')).toEqual([]);
    expect(() => storage.remove('k')).not.toThrow();
  });

  it('acts as empty when merely reading localStorage throws (cookies blocked)', () => {
    const storage = createSafeStorage(() => {
      throw new DOMException('Access is denied for this document.', 'SecurityError');
    });
    expect(storage.set('k', 'v')).toBe(false);
    expect(storage.get('k')).toBeNull();
  });

  it('acts as empty when there is no storage at all', () => {
    const storage = createSafeStorage(() => undefined);
    expect(storage.set('k', 'v')).toBe(false);
    expect(storage.keys('')).toEqual([]);
  });
});
