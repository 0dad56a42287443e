import { h } from 'preact';
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { MeJson } from '../shared/dashboard/dashboard-replies';
import { RTL_LANGUAGES } from '../shared/i18n/resolve-locale';
import type { Locale } from '../shared/param-keys';
import { AppHeader } from './components/app-header';
import { DashboardShell } from './components/dashboard-shell';
import { SignInForm } from './components/sign-in-form';
import type { DashboardDeps } from './dashboard-deps';
import { dashboardStrings } from './i18n/catalog';
import type { DashboardStrings } from './i18n/en';
import { intlLocale } from './i18n/intl-locale';
import { preferredLocale } from './i18n/preferred-locale';
import { createTranslator } from './i18n/translate';
import { readTheme, saveTheme } from './state/theme-choice';

type Session =
  | { status: 'checking' }
  | { status: 'signed-out'; ended: boolean }
  | { status: 'failed'; message: string }
  | { status: 'signed-in'; me: MeJson };

/**
 * The whole dashboard: the reader's language and theme, then either the
 * sign-in form or the signed-in shell. Everything from the browser comes in
 * through `deps`, so tests render it with fakes.
 *
 * @example
 * render(<DashboardApp deps={deps} />, document.getElementById('app')!);
 */
export function DashboardApp({ deps }: { deps: DashboardDeps }) {
  const [locale, setLocale] = useState<Locale>(() => preferredLocale(deps.languages));
  const [loaded, setLoaded] = useState<{ locale: Locale; strings: DashboardStrings } | null>(null);
  const [theme, setTheme] = useState(() => readTheme(deps.storage));
  const [session, setSession] = useState<Session>({ status: 'checking' });

  useEffect(() => {
    let current = true;
    void dashboardStrings(locale).then((strings) => current && setLoaded({ locale, strings }));
    return () => void (current = false);
  }, [locale]);
  // The words on screen and the page's language change together, once the new strings are in.
  const shownLocale = loaded?.locale ?? locale;
  useEffect(() => {
    deps.html.lang = shownLocale;
    deps.html.dir = RTL_LANGUAGES.includes(shownLocale.split('-')[0]!) ? 'rtl' : 'ltr';
  }, [shownLocale]);

  const checkSession = async () => {
    const me = await deps.client.me();
    if (me.ok) setSession({ status: 'signed-in', me: me.value });
    else if (me.status === 401) setSession({ status: 'signed-out', ended: false });
    else setSession({ status: 'failed', message: me.message });
  };
  useEffect(() => void checkSession(), []);

  const translator = useMemo(() => loaded && createTranslator(loaded.strings, intlLocale(loaded.locale)), [loaded]);
  if (!translator) return <div class="root" data-theme={theme} />;
  const { t } = translator;
  const header = (signedIn: MeJson | null) => (nav?: ComponentChildren) => (
    <AppHeader
      t={t}
      org={signedIn?.org}
      locale={shownLocale}
      onLocale={setLocale}
      theme={theme}
      onTheme={(choice) => {
        setTheme(choice);
        saveTheme(deps.storage, choice);
      }}
      onSignOut={
        signedIn
          ? async () => {
              await deps.client.signOut();
              setSession({ status: 'signed-out', ended: false });
            }
          : undefined
      }
    >
      {nav}
    </AppHeader>
  );

  if (session.status === 'signed-in') {
    return (
      <div class="root" data-theme={theme}>
        <DashboardShell
          deps={deps}
          me={session.me}
          locale={shownLocale}
          translator={translator}
          header={header(session.me)}
          onUnauthorized={() => setSession({ status: 'signed-out', ended: true })}
        />
      </div>
    );
  }
  return (
    <div class="root" data-theme={theme}>
      {header(null)()}
      <main id="main" class="main narrow-main">
        {session.status === 'checking' && (
          <p class="loading" role="status">
            <span class="spinner" aria-hidden="true" /> {t('loading')}
          </p>
        )}
        {session.status === 'failed' && (
          <div class="banner" role="alert">
            <p>{t('loadFailed', { message: session.message })}</p>
            <button class="secondary" type="button" onClick={() => void checkSession()}>
              {t('retry')}
            </button>
          </div>
        )}
        {session.status === 'signed-out' && <SignInForm client={deps.client} t={t} ended={session.ended} onSignedIn={() => void checkSession()} />}
      </main>
    </div>
  );
}
