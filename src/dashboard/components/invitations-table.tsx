import { h } from 'preact';
import type { FeedbackRequestJson } from '../../shared/api/feedback-request-schemas';
import { useDashboard } from '../state/dashboard-context';
import { StateBadge } from './state-badge';
import { TableScroll } from './table-scroll';

export interface InvitationsTableProps {
  items: readonly FeedbackRequestJson[];
  hrefFor(id: number): string;
}

/**
 * One page of feedback requests, newest first; each id links to the
 * invitation's timeline. On a phone each row becomes a small card, as in the
 * responses table (explicit roles, `data-label` on the cells that need one).
 */
export function InvitationsTable({ items, hrefFor }: InvitationsTableProps) {
  const { t, fmt, me } = useDashboard();
  const surveys = new Map(me.surveys.map((s) => [s.id, s.name]));
  const caption = t('invitationsCaption');
  return (
    <TableScroll label={caption}>
      <table class="table stack invitations-table" role="table">
        <caption class="sr-only">{caption}</caption>
        <thead role="rowgroup">
          <tr role="row">
            <th scope="col" role="columnheader">{t('colId')}</th>
            <th scope="col" role="columnheader">{t('colRecipient')}</th>
            <th scope="col" role="columnheader">{t('colSurvey')}</th>
            <th scope="col" role="columnheader">{t('colState')}</th>
            <th scope="col" role="columnheader">{t('colProvider')}</th>
            <th scope="col" role="columnheader">{t('colSendAt')}</th>
            <th scope="col" role="columnheader">{t('colSentAt')}</th>
            <th scope="col" role="columnheader">{t('colProblem')}</th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          {items.map((item) => {
            const problem = item.not_sent_reason ?? item.delivery_failure ?? '';
            return (
              <tr key={item.id} role="row">
                <th scope="row" role="rowheader" class="id" data-label={t('colId')}>
                  <a href={hrefFor(item.id)}>{item.id}</a>
                </th>
                <td role="cell" class="recipient break">
                  {item.email ?? item.sms?.number ?? t('none')}
                </td>
                <td role="cell" class="survey">
                  {surveys.get(item.survey_id) ?? item.survey_id}
                </td>
                <td role="cell" class="state-cell">
                  <StateBadge state={item.state} />
                </td>
                <td role="cell" class="provider">
                  {item.provider}
                </td>
                <td role="cell" class="send-at" data-label={t('colSendAt')}>
                  {fmt.dateTime(item.send_at)}
                </td>
                <td role="cell" class={item.sent_at ? 'sent-at' : 'sent-at none'} data-label={t('colSentAt')}>
                  {item.sent_at ? fmt.dateTime(item.sent_at) : t('none')}
                </td>
                <td role="cell" class={problem ? 'problem' : 'problem none'}>
                  {problem}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
