import { h } from 'preact';
import { LOCALES } from '../../shared/param-keys';
import type { Locale } from '../../shared/param-keys';
import { LOCALE_NAMES } from '../i18n/locale-names';
import { SelectField } from './select-field';

export interface LanguageSelectProps {
  locale: Locale;
  label: string;
  onChange(locale: Locale): void;
}

/** The 18 survey locales, each named in its own language (and marked with it, for screen readers). */
export function LanguageSelect({ locale, label, onChange }: LanguageSelectProps) {
  return (
    <SelectField
      class="compact"
      label={label}
      value={locale}
      options={LOCALES.map((code) => ({ value: code, label: LOCALE_NAMES[code], lang: code }))}
      onChange={(value) => onChange(value as Locale)}
    />
  );
}
