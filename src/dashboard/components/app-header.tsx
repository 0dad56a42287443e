import { h } from 'preact';
import type { ComponentChildren } from 'preact';
import type { Locale } from '../../shared/param-keys';
import type { Translator } from '../i18n/translate';
import type { ThemeChoice } from '../state/theme-choice';
import { LanguageSelect } from './language-select';
import { ThemeSelect } from './theme-select';

export interface AppHeaderProps {
  t: Translator['t'];
  /** The signed-in org; the app's name alone before signing in. */
  org?: string;
  locale: Locale;
  onLocale(locale: Locale): void;
  theme: ThemeChoice;
  onTheme(theme: ThemeChoice): void;
  onSignOut?(): void;
  /** The section nav, under the title row. */
  children?: ComponentChildren;
}

/** The banner: who is signed in, language, theme and sign-out, then the nav. */
export function AppHeader({ t, org, locale, onLocale, theme, onTheme, onSignOut, children }: AppHeaderProps) {
  return (
    <header class="top">
      <div class="top-row">
        <p class="brand">
          {org && <span class="org">{org}</span>}
          <span class="app-name">{t('appTitle')}</span>
        </p>
        <div class="tools">
          <LanguageSelect locale={locale} label={t('language')} onChange={onLocale} />
          <ThemeSelect theme={theme} t={t} onChange={onTheme} />
          {onSignOut && (
            <button class="secondary" type="button" onClick={onSignOut}>
              {t('signOut')}
            </button>
          )}
        </div>
      </div>
      {children}
    </header>
  );
}
