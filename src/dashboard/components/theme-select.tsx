import { h } from 'preact';
import type { DashboardStringKey } from '../i18n/en';
import type { ThemeChoice } from '../state/theme-choice';
import { SelectField } from './select-field';

export interface ThemeSelectProps {
  theme: ThemeChoice;
  t(key: DashboardStringKey): string;
  onChange(theme: ThemeChoice): void;
}

/** System, light or dark. */
export function ThemeSelect({ theme, t, onChange }: ThemeSelectProps) {
  return (
    <SelectField
      class="compact"
      label={t('theme')}
      value={theme}
      options={[
        { value: 'auto', label: t('themeSystem') },
        { value: 'light', label: t('themeLight') },
        { value: 'dark', label: t('themeDark') },
      ]}
      onChange={(value) => onChange(value as ThemeChoice)}
    />
  );
}
