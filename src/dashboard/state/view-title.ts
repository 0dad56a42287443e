import type { Translator } from '../i18n/translate';
import type { Route } from '../routing/route';

/**
 * The h1 and document title of a route's view.
 *
 * @example
 * viewTitle({ view: 'invitation', id: 45, state: null, page: 1 }, t) // 'Invitation 45'
 */
export function viewTitle(route: Route, t: Translator['t']): string {
  switch (route.view) {
    case 'overview':
      return t('overviewTitle');
    case 'league':
      return t('leagueTitle');
    case 'responses':
      return t('responsesTitle');
    case 'response':
      return t('responseTitle', { id: route.id });
    case 'invitations':
      return t('invitationsTitle');
    case 'invitation':
      return t('invitationTitle', { id: route.id });
  }
}
