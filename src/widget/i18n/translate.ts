import type { StringKey, Strings } from '../../shared/i18n/en';

export type Translate = (key: StringKey, vars?: Record<string, string | number>) => string;

/**
 * Looks up a string and fills its `{name}` placeholders; a missing key shows
 * as itself rather than as nothing.
 *
 * @example
 * createTranslate({ error_too_long: 'Please keep this under {max} characters.' })('error_too_long', { max: 100 })
 * // 'Please keep this under 100 characters.'
 */
export function createTranslate(strings: Partial<Strings>): Translate {
  return (key, vars) => (strings[key] ?? key).replace(/\{(\w+)\}/g, (whole, name: string) => String(vars?.[name] ?? whole));
}
