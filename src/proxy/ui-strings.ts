import { en } from '../shared/i18n/en';
import type { Strings } from '../shared/i18n/en';

/** UI strings by locale. Only English so far; other locales fall back along the chain below. */
const CATALOG: Record<string, Strings> = { en };

/**
 * The widget's UI strings for a locale, sent with the survey definition so
 * only the active locale ever reaches the browser. Falls back from a regional
 * locale to its language, then to English (es-MX -> es -> en).
 *
 * @example
 * uiStrings('es-MX') // the `es` strings when there is no `es-MX`, else `en`
 */
export function uiStrings(locale: string): Strings {
  const language = locale.split('-')[0] ?? 'en';
  return CATALOG[locale] ?? CATALOG[language] ?? en;
}
