import { resolveLocale } from '../../shared/i18n/resolve-locale';
import type { Locale } from '../../shared/param-keys';

/**
 * The first of the browser's languages the dashboard speaks, else English.
 * resolveLocale turns anything unknown into 'en', so an unknown language is
 * skipped rather than taken as a choice of English.
 *
 * @example
 * preferredLocale(['pt-BR', 'fr-CA', 'en']) // 'fr'
 */
export function preferredLocale(languages: readonly string[]): Locale {
  for (const language of languages) {
    const locale = resolveLocale(language);
    if (locale !== 'en' || /^en\b/i.test(language)) return locale;
  }
  return 'en';
}
