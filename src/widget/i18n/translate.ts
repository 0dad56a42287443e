import type { StringKey, Strings } from '../../shared/i18n/en';

export type Translate = (key: StringKey) => string;

/**
 * Looks up a UI string; a missing key shows as itself rather than as nothing.
 *
 * @example
 * createTranslate({ submit: 'Send feedback' })('submit') // 'Send feedback'
 */
export function createTranslate(strings: Partial<Strings>): Translate {
  return (key) => strings[key] ?? key;
}
