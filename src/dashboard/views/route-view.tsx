import { h } from 'preact';
import type { Route } from '../routing/route';
import { InvitationDetailView } from './invitation-detail-view';
import { InvitationsView } from './invitations-view';
import { LeagueView } from './league-view';
import { OverviewView } from './overview-view';
import { ResponseDetailView } from './response-detail-view';
import { ResponsesView } from './responses-view';

/** The one place a route becomes a view. */
export function RouteView({ route }: { route: Route }) {
  switch (route.view) {
    case 'overview':
      return <OverviewView route={route} />;
    case 'league':
      return <LeagueView route={route} />;
    case 'responses':
      return <ResponsesView route={route} />;
    case 'response':
      return <ResponseDetailView route={route} />;
    case 'invitations':
      return <InvitationsView route={route} />;
    case 'invitation':
      return <InvitationDetailView route={route} />;
  }
}
