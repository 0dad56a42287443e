import { h } from 'preact';
import type { DashboardStringKey } from '../i18n/en';
import type { SharedFilters } from '../routing/filters';
import { formatRoute, sectionRoute } from '../routing/route';
import type { Route } from '../routing/route';

type Section = 'overview' | 'league' | 'responses' | 'invitations';

const SECTIONS: readonly [Section, DashboardStringKey][] = [
  ['overview', 'navOverview'],
  ['league', 'navLeague'],
  ['responses', 'navResponses'],
  ['invitations', 'navInvitations'],
];

/** Which section a route belongs to: a response's page is under Responses. */
export function sectionOf(route: Route): Section {
  return route.view === 'response' ? 'responses' : route.view === 'invitation' ? 'invitations' : route.view;
}

export interface MainNavProps {
  route: Route;
  /** The range and survey last chosen, carried from section to section. */
  filters: SharedFilters;
  t(key: DashboardStringKey): string;
}

/** The four sections as links; the current one is `aria-current="page"`. On a phone, a scrolling tab row. */
export function MainNav({ route, filters, t }: MainNavProps) {
  const current = sectionOf(route);
  return (
    <nav class="nav" aria-label={t('navLabel')}>
      <ul>
        {SECTIONS.map(([section, key]) => (
          <li key={section}>
            <a href={formatRoute(sectionRoute(section, filters))} aria-current={section === current ? 'page' : undefined}>
              {t(key)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
