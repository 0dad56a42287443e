import { describe, expect, it } from 'vitest';
import { readTheme, saveTheme, THEME_KEY } from '../../../src/dashboard/state/theme-choice';
import { fakeStorage } from '../fixtures';

describe('theme choice', () => {
  it('follows the system until a theme is chosen', () => expect(readTheme(fakeStorage())).toBe('auto'));
  it('remembers the chosen theme under sw-dashboard-theme', () => {
    const storage = fakeStorage();
    saveTheme(storage, 'dark');
    expect(storage.items.get(THEME_KEY)).toBe('dark');
    expect(THEME_KEY).toBe('sw-dashboard-theme');
    expect(readTheme(storage)).toBe('dark');
  });
  it('ignores a stored value it does not know', () => {
    const storage = fakeStorage();
    storage.setItem(THEME_KEY, 'neon');
    expect(readTheme(storage)).toBe('auto');
  });
  it('follows the system when storage is blocked', () => {
    const blocked = { getItem: () => { throw new Error('SecurityError'); }, setItem: () => { throw new Error('SecurityError'); } };
    expect(readTheme(blocked)).toBe('auto');
    expect(() => saveTheme(blocked, 'dark')).not.toThrow();
    expect(readTheme(null)).toBe('auto');
  });
});
