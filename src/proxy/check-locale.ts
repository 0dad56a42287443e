import { LOCALES } from '../shared/param-keys';
import { unsafeCharacter } from '../shared/clean-text';
import type { FieldError } from '../shared/error-body';
import { fieldError } from './validation-error';

export type CheckedLocale = { ok: true; locale: string | null } | { ok: false; error: FieldError };

/**
 * A posted response's `locale`: the widget sends the tag the proxy resolved
 * for it, so anything but a supported tag is refused, listing them. Matched in
 * any case and stored as spelled in LOCALES (`en-us` is `en-US`), so a count
 * by locale never splits one language in two.
 *
 * A locale holding a character no stored text may hold passes here as given:
 * the text check names that character, which says more than "not supported".
 *
 * @example
 * checkLocale('EN-us') // { ok: true, locale: 'en-US' }
 * checkLocale('pt-BR') // { ok: false, error: { field: 'locale', error: 'invalid_value', extra_info: { allowed_values: LOCALES } } }
 */
export function checkLocale(locale: string | undefined): CheckedLocale {
  if (locale === undefined) return { ok: true, locale: null };
  const supported = LOCALES.find((tag) => tag.toLowerCase() === locale.toLowerCase());
  if (supported) return { ok: true, locale: supported };
  if (unsafeCharacter(locale)) return { ok: true, locale };
  return { ok: false, error: fieldError('locale', 'invalid_value', { allowed_values: LOCALES, message: 'not a supported locale' }) };
}
