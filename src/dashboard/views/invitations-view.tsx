import { h } from 'preact';
import { invitationsQuery } from '../api/api-query';
import { Card } from '../components/card';
import { EmptyState } from '../components/empty-state';
import { InvitationsTable } from '../components/invitations-table';
import { LoadState } from '../components/load-state';
import { PageLinks } from '../components/page-links';
import { SelectField } from '../components/select-field';
import { STATE_LABELS } from '../components/state-badge';
import { formatRoute, INVITATION_STATES } from '../routing/route';
import type { InvitationState, InvitationsRoute } from '../routing/route';
import { useDashboard } from '../state/dashboard-context';
import { useResource } from '../state/use-resource';
import { ViewHeading } from './view-heading';

/** Feedback requests, newest first, filtered by state: are the invitations going out? */
export function InvitationsView({ route }: { route: InvitationsRoute }) {
  const { t, tn, client, navigate } = useDashboard();
  const query = invitationsQuery(route);
  const [list, , retry] = useResource(() => client.invitations(query), query.toString());
  return (
    <div>
      <ViewHeading text={t('invitationsTitle')} />
      <div class="filters">
        <SelectField
          label={t('stateFilter')}
          value={route.state ?? ''}
          options={[{ value: '', label: t('allStates') }, ...INVITATION_STATES.map((state) => ({ value: state, label: t(STATE_LABELS[state]) }))]}
          onChange={(value) => navigate({ ...route, state: (value || null) as InvitationState | null, page: 1 })}
        />
      </div>
      {list.status !== 'ready' ? (
        <LoadState resource={list} onRetry={retry} />
      ) : (
        <Card title={t('invitationsCaption')} wide region={false}>
          <p class="total">{tn('invitations', list.value.total)}</p>
          {list.value.items.length === 0 ? (
            <EmptyState text={t('invitationsEmpty')} />
          ) : (
            <InvitationsTable items={list.value.items} hrefFor={(id) => formatRoute({ ...route, view: 'invitation', id })} />
          )}
          {list.value.total > list.value.limit && (
            <PageLinks
              page={list.value.page}
              pages={Math.max(1, Math.ceil(list.value.total / list.value.limit))}
              hrefFor={(page) => formatRoute({ ...route, page })}
            />
          )}
        </Card>
      )}
    </div>
  );
}
