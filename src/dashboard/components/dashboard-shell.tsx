import { h } from 'preact';
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { MeJson } from '../../shared/dashboard/dashboard-replies';
import type { Locale } from '../../shared/param-keys';
import type { DashboardDeps } from '../dashboard-deps';
import { createFormat } from '../format/create-format';
import { intlLocale } from '../i18n/intl-locale';
import type { Translator } from '../i18n/translate';
import { DEFAULT_FILTERS } from '../routing/filters';
import { formatRoute, parseRoute, routeFilters } from '../routing/route';
import type { Route } from '../routing/route';
import { DashboardContext } from '../state/dashboard-context';
import type { DashboardContextValue } from '../state/dashboard-context';
import { useResponseStream } from '../state/use-response-stream';
import { viewTitle } from '../state/view-title';
import { RouteView } from '../views/route-view';
import { MainNav } from './main-nav';

export interface DashboardShellProps {
  deps: DashboardDeps;
  me: MeJson;
  locale: Locale;
  translator: Translator;
  /** The header, given the nav to hold. */
  header(nav: ComponentChildren): ComponentChildren;
  onUnauthorized(): void;
}

/** setTimeout's longest delay (about 24.8 days); a later session end is caught by the next 401 instead. */
const MAX_DELAY = 2 ** 31 - 1;

/**
 * The signed-in page: follows the hash, carries the shared filters between
 * sections, opens the server's event stream once for every view, announces
 * new responses, and moves focus to each new view's heading.
 */
export function DashboardShell({ deps, me, locale, translator, header, onUnauthorized }: DashboardShellProps) {
  const { client, location, timers } = deps;
  const [route, setRoute] = useState<Route>(() => parseRoute(location.read()));
  const [filters, setFilters] = useState(() => routeFilters(route) ?? DEFAULT_FILTERS);
  const [announcement, setAnnouncement] = useState({ text: '', serial: 0 });
  const events = useResponseStream(deps.openEvents, client.eventsUrl, timers, (count) =>
    setAnnouncement((before) => ({ text: translator.tn('newResponses', count), serial: before.serial + 1 })),
  );
  const cursors = useMemo(() => new Map<string, string>(), []);
  const main = useRef<HTMLElement>(null);

  useEffect(() => location.subscribe(() => setRoute(parseRoute(location.read()))), []);
  useEffect(() => {
    const shared = routeFilters(route);
    if (shared) setFilters(shared);
  }, [route]);

  // Say the session is over when it is, rather than at the next failed click.
  useEffect(() => {
    const left = Date.parse(me.expires_at) - Date.now();
    if (!(left > 0) || left > MAX_DELAY) return undefined;
    const handle = timers.setTimeout(onUnauthorized, left);
    return () => timers.clearTimeout(handle);
  }, [me.expires_at]);

  const title = viewTitle(route, translator.t);
  const viewKey = route.view === 'response' || route.view === 'invitation' ? `${route.view}/${route.id}` : route.view;
  const firstView = useRef(true);
  useEffect(() => {
    deps.html.ownerDocument.title = `${title} – ${me.org}`;
  }, [title, me.org]);
  useEffect(() => {
    // On arrival focus stays at the top of the page; on each later change of view it moves to the new heading.
    if (firstView.current) firstView.current = false;
    else main.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [viewKey]);

  const fmt = useMemo(() => createFormat(intlLocale(locale), me.time_zone), [locale, me.time_zone]);
  const context: DashboardContextValue = {
    ...translator,
    locale,
    fmt,
    me,
    client,
    navigate: (next) => location.go(formatRoute(next)),
    onUnauthorized,
    events,
    timers,
    cursors,
  };
  return (
    <DashboardContext.Provider value={context}>
      <a
        class="skip-link"
        href="#main"
        onClick={(event) => {
          // The hash is the router's: move focus by hand instead of navigating to #main.
          event.preventDefault();
          main.current?.focus();
        }}
      >
        {translator.t('skipToContent')}
      </a>
      {header(<MainNav route={route} filters={filters} t={translator.t} />)}
      <main id="main" class="main" ref={main} tabIndex={-1}>
        <RouteView key={viewKey} route={route} />
      </main>
      <div class="sr-only" role="status" aria-live="polite">
        {announcement.text && <p key={announcement.serial}>{announcement.text}</p>}
      </div>
    </DashboardContext.Provider>
  );
}
