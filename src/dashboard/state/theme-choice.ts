import type { ThemeStorage } from '../dashboard-deps';

/** `auto` follows the system; the value goes straight onto `.root[data-theme]`. */
export type ThemeChoice = 'auto' | 'light' | 'dark';

export const THEME_KEY = 'sw-dashboard-theme';

const CHOICES: readonly ThemeChoice[] = ['auto', 'light', 'dark'];

/**
 * The stored theme, or `auto`. Storage can throw (Safari private mode, a
 * blocked cookie policy); the page then simply follows the system.
 */
export function readTheme(storage: ThemeStorage | null): ThemeChoice {
  try {
    const value = storage?.getItem(THEME_KEY) as ThemeChoice | null | undefined;
    return value && CHOICES.includes(value) ? value : 'auto';
  } catch {
    return 'auto';
  }
}

/** Keeps the theme for next time; the only thing the dashboard ever stores. */
export function saveTheme(storage: ThemeStorage | null, theme: ThemeChoice): void {
  try {
    storage?.setItem(THEME_KEY, theme);
  } catch {
    // Not kept: it still applies for this visit.
  }
}
