import { h } from 'preact';
import { Card } from '../components/card';
import { FieldList } from '../components/field-list';
import { LoadState } from '../components/load-state';
import { StateBadge } from '../components/state-badge';
import { formatRoute } from '../routing/route';
import type { InvitationRoute } from '../routing/route';
import { useDashboard } from '../state/dashboard-context';
import { useResource } from '../state/use-resource';
import { ViewHeading } from './view-heading';

/** One feedback request: every field, its reminders, and what happened to it, in order. */
export function InvitationDetailView({ route }: { route: InvitationRoute }) {
  const { t, fmt, me, client } = useDashboard();
  const [detail, , retry] = useResource(() => client.invitation(route.id), String(route.id));
  const yesNo = (value: boolean) => t(value ? 'yes' : 'no');
  const time = (iso: string | null) => (iso ? fmt.dateTime(iso) : null);
  return (
    <div>
      <a class="back" href={formatRoute({ ...route, view: 'invitations' })}>
        <span aria-hidden="true">←</span>
        {t('backToInvitations')}
      </a>
      <ViewHeading text={t('invitationTitle', { id: route.id })} />
      {detail.status !== 'ready' ? (
        <LoadState resource={detail} onRetry={retry} />
      ) : (
        <div class="cards records">
          <Card title={t('invitationTitle', { id: detail.value.id })} double>
            <FieldList
              empty={t('nothingHere')}
              entries={[
                [t('colState'), <StateBadge state={detail.value.state} />],
                [t('fieldEmail'), detail.value.email],
                [t('fieldPhone'), detail.value.sms?.number],
                [t('fieldFirstName'), detail.value.first_name],
                [t('fieldSurname'), detail.value.surname],
                [t('colSurvey'), me.surveys.find((s) => s.id === detail.value.survey_id)?.name ?? String(detail.value.survey_id)],
                [t('colProvider'), detail.value.provider],
                [t('colSendAt'), time(detail.value.send_at)],
                [t('colSentAt'), time(detail.value.sent_at)],
                [t('createdAt'), time(detail.value.created_at)],
                [t('updatedAt'), time(detail.value.updated_at)],
                [t('notSentReason'), detail.value.not_sent_reason],
                [t('deliveryFailure'), detail.value.delivery_failure],
                [t('reference'), detail.value.reference],
                [t('machineId'), detail.value.machine_id],
                [t('emailTemplate'), detail.value.email_template_id?.toString()],
                [t('smsTemplate'), detail.value.sms?.text_message_template_id?.toString()],
                [t('ignoreThrottle'), yesNo(detail.value.ignore_throttle)],
                [t('externalLink'), yesNo(detail.value.external_link)],
                [t('fieldLink'), <span class="break">{detail.value.link}</span>],
              ]}
            />
          </Card>
          <Card title={t('timelineTitle')}>
            {(detail.value.timeline ?? []).length === 0 ? (
              <p class="empty">{t('noTimeline')}</p>
            ) : (
              <ol class="timeline">
                {(detail.value.timeline ?? []).map((event, i) => (
                  <li key={i}>
                    <time dateTime={event.at}>{fmt.dateTime(event.at)}</time> <strong>{event.kind}</strong>
                    {event.detail && <span class="muted"> {event.detail}</span>}
                  </li>
                ))}
              </ol>
            )}
          </Card>
          <Card title={t('dataTitle')}>
            <FieldList keys empty={t('nothingHere')} entries={detail.value.data.map((d) => [d.key, d.value] as const)} />
          </Card>
          {detail.value.reminders.length > 0 && (
            <Card title={t('remindersTitle')}>
              <ol class="timeline">
                {detail.value.reminders.map((reminder) => (
                  <li key={reminder.id}>
                    <time dateTime={reminder.send_at}>{fmt.dateTime(reminder.send_at)}</time>{' '}
                    {reminder.sent_at ? t('stateSent') : reminder.not_sent_reason ? t('stateNotSent') : t('statePending')}
                    {(reminder.not_sent_reason ?? reminder.delivery_failure) && <span class="muted"> {reminder.not_sent_reason ?? reminder.delivery_failure}</span>}
                  </li>
                ))}
              </ol>
            </Card>
          )}
        </div>
      )}
    </div>
  );
}
