import { h } from 'preact';
import type { FeedbackRequestJson } from '../../shared/api/feedback-request-schemas';
import { useDashboard } from '../state/dashboard-context';
import { StateBadge } from './state-badge';
import { TableScroll } from './table-scroll';

export interface InvitationsTableProps {
  items: readonly FeedbackRequestJson[];
  hrefFor(id: number): string;
}

/** One page of feedback requests, newest first; each id links to the invitation's timeline. */
export function InvitationsTable({ items, hrefFor }: InvitationsTableProps) {
  const { t, fmt, me } = useDashboard();
  const surveys = new Map(me.surveys.map((s) => [s.id, s.name]));
  const caption = t('invitationsCaption');
  return (
    <TableScroll label={caption}>
      <table class="table">
        <caption class="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('colId')}</th>
            <th scope="col">{t('colRecipient')}</th>
            <th scope="col">{t('colSurvey')}</th>
            <th scope="col">{t('colState')}</th>
            <th scope="col">{t('colProvider')}</th>
            <th scope="col">{t('colSendAt')}</th>
            <th scope="col">{t('colSentAt')}</th>
            <th scope="col">{t('colProblem')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <th scope="row">
                <a href={hrefFor(item.id)}>{item.id}</a>
              </th>
              <td class="break">{item.email ?? item.sms?.number ?? t('none')}</td>
              <td>{surveys.get(item.survey_id) ?? item.survey_id}</td>
              <td>
                <StateBadge state={item.state} />
              </td>
              <td>{item.provider}</td>
              <td>{fmt.dateTime(item.send_at)}</td>
              <td>{item.sent_at ? fmt.dateTime(item.sent_at) : t('none')}</td>
              <td>{item.not_sent_reason ?? item.delivery_failure ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
