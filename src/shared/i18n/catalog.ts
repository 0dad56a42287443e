import type { Locale } from '../param-keys';
import { ar } from './ar';
import { da } from './da';
import { de } from './de';
import { en } from './en';
import type { Strings } from './en';
import { enUS } from './en-US';
import { es } from './es';
import { esMX } from './es-MX';
import { fi } from './fi';
import { fr } from './fr';
import { he } from './he';
import { id } from './id';
import { it } from './it';
import { ja } from './ja';
import { nl } from './nl';
import { no } from './no';
import { sv } from './sv';
import { th } from './th';
import { zhCN } from './zh-CN';

/**
 * The UI strings of CustomerSure's 18 survey locales. Regional locales
 * (en-US, es-MX) hold only what differs from their language. The proxy
 * reads this; the widget never imports it, so languages never grow the script.
 */
export const CATALOG: Record<Locale, Partial<Strings>> = {
  en, 'en-US': enUS, fr, de, it, es, 'es-MX': esMX, nl, sv, da, ja, ar, 'zh-CN': zhCN, no, he, id, th, fi,
};

/**
 * Every string for a supported locale, falling back key by key from the
 * region to its language to English (es-MX -> es -> en).
 *
 * @example
 * stringsFor('es-MX').submit // the es-MX wording if it has one, else the es one
 */
export function stringsFor(locale: Locale): Strings {
  const language = locale.split('-')[0] as Locale;
  return { ...en, ...CATALOG[language], ...CATALOG[locale] };
}
