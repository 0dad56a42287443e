import { LOCALES } from '../param-keys';
import type { Locale } from '../param-keys';

/** Older or alternative tags for a supported language. */
const ALIASES: Record<string, Locale> = { nb: 'no', nn: 'no', iw: 'he', in: 'id', zh: 'zh-CN' };

/**
 * The supported locale closest to a requested one, read leniently (any case,
 * `_` or `-`): the exact locale, else its language, else English. So es-MX
 * stays es-MX, es-AR becomes es, pt-BR becomes en.
 *
 * @example
 * resolveLocale('ES_mx') // 'es-MX'
 * resolveLocale('nb-NO') // 'no'
 */
export function resolveLocale(requested: string | null | undefined): Locale {
  const tag = (requested ?? '').trim().replace(/_/g, '-').toLowerCase();
  const exact = LOCALES.find((locale) => locale.toLowerCase() === tag);
  if (exact) return exact;
  const language = tag.split('-')[0] ?? '';
  return LOCALES.find((locale) => locale === language) ?? ALIASES[language] ?? 'en';
}

/** The languages written right to left among the supported locales. */
export const RTL_LANGUAGES: readonly string[] = ['ar', 'he'];
