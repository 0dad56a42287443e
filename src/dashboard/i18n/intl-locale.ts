import type { Locale } from '../../shared/param-keys';

/**
 * The tag to hand Intl for a dashboard locale. CustomerSure's plain `en` is
 * British English (en-US is its own locale), while Intl reads `en` as
 * American: 1 Nov 2026, not Nov 1, 2026.
 *
 * @example
 * intlLocale('en') // 'en-GB'
 */
export function intlLocale(locale: Locale): string {
  return locale === 'en' ? 'en-GB' : locale;
}
