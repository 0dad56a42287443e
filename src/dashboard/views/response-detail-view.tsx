import { h } from 'preact';
import { Card } from '../components/card';
import { ExternalLink } from '../components/external-link';
import { FieldList } from '../components/field-list';
import { LoadState } from '../components/load-state';
import { StateBadge } from '../components/state-badge';
import { VerifiedBadge } from '../components/verified-badge';
import { answerText } from '../format/answer-text';
import { formatRoute } from '../routing/route';
import type { ResponseRoute } from '../routing/route';
import { useDashboard } from '../state/dashboard-context';
import { useResource } from '../state/use-resource';
import { ViewHeading } from './view-heading';

/** One response in full: every answer, the customer, segments, metadata and its invitation. */
export function ResponseDetailView({ route }: { route: ResponseRoute }) {
  const { t, fmt, client, me } = useDashboard();
  // A site or staff code reads better as the name the org gave it, the code kept beside it.
  const memberName = (key: string, code: string) => me.dimensions.find((d) => d.key === key)?.members.find((m) => m.value === code)?.label;
  const segmentValue = (key: string, code: string) => {
    const name = memberName(key, code);
    return name && name !== code ? (
      <span>
        {name} <span class="muted">({code})</span>
      </span>
    ) : (
      code
    );
  };
  const [detail, , retry] = useResource(() => client.response(route.id), String(route.id));
  const back = formatRoute({ ...route, view: 'responses' });
  return (
    <div>
      <a class="back" href={back}>
        <span aria-hidden="true">←</span>
        {t('backToResponses')}
      </a>
      <ViewHeading text={t('responseTitle', { id: route.id })} />
      {detail.status === 'ready' && detail.value.verified && (
        <p class="verified-line">
          <VerifiedBadge />
        </p>
      )}
      {detail.status !== 'ready' ? (
        <LoadState resource={detail} onRetry={retry} />
      ) : (
        <div class="cards records">
          <Card title={t('answersTitle')} wide>
            <FieldList
              empty={t('nothingHere')}
              entries={detail.value.answers.map((answer) => [
                answer.question ?? t('unknownQuestion', { id: answer.question_id }),
                answerText(answer, t, fmt),
              ])}
            />
          </Card>
          <Card title={t('aboutTitle')}>
            <FieldList
              empty={t('nothingHere')}
              entries={[
                [t('colSurvey'), detail.value.survey.name],
                [t('submittedAt'), fmt.dateTime(detail.value.submitted_at)],
                [t('receivedAt'), fmt.dateTime(detail.value.received_at)],
                [t('responseLocale'), detail.value.locale],
                // Text, not a link: the page a customer was on is theirs to have typed, not ours to send readers to.
                [t('pageUrl'), detail.value.page_url && <span class="break">{detail.value.page_url}</span>],
                [t('reference'), detail.value.reference && <ExternalLink text={detail.value.reference} href={detail.value.links.reference} />],
                [t('machineId'), detail.value.machine_id && <ExternalLink text={detail.value.machine_id} href={detail.value.links.machine_id} />],
                [t('uuid'), detail.value.uuid],
              ]}
            />
          </Card>
          <Card title={t('customerTitle')}>
            <FieldList keys empty={t('nothingHere')} entries={Object.entries(detail.value.customer)} />
          </Card>
          <Card title={t('segmentsTitle')}>
            <FieldList keys empty={t('nothingHere')} entries={Object.entries(detail.value.segments).map(([key, code]) => [key, segmentValue(key, code)] as const)} />
          </Card>
          <Card title={t('metadataTitle')}>
            <FieldList keys empty={t('nothingHere')} entries={Object.entries(detail.value.metadata)} />
          </Card>
          {detail.value.feedback_request && (
            <Card title={t('feedbackRequestTitle')}>
              <FieldList
                empty={t('nothingHere')}
                entries={[
                  [t('colState'), <StateBadge state={detail.value.feedback_request.state} />],
                  [t('colProvider'), detail.value.feedback_request.provider],
                  [t('colSentAt'), detail.value.feedback_request.sent_at && fmt.dateTime(detail.value.feedback_request.sent_at)],
                ]}
              />
              <a class="card-link" href={formatRoute({ view: 'invitation', id: detail.value.feedback_request.id, state: null, page: 1 })}>
                {t('viewInvitation', { id: detail.value.feedback_request.id })}
              </a>
            </Card>
          )}
        </div>
      )}
    </div>
  );
}
