import type { Locale } from '../../shared/param-keys';

/** Each locale named in its own language, as a language menu should show it. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English (UK)',
  'en-US': 'English (US)',
  fr: 'Français',
  de: 'Deutsch',
  it: 'Italiano',
  es: 'Español',
  'es-MX': 'Español (México)',
  nl: 'Nederlands',
  sv: 'Svenska',
  da: 'Dansk',
  ja: '日本語',
  ar: 'العربية',
  'zh-CN': '简体中文',
  no: 'Norsk',
  he: 'עברית',
  id: 'Bahasa Indonesia',
  th: 'ไทย',
  fi: 'Suomi',
};
