import type { FeedbackRequestJson, FeedbackRequestSummaryJson } from '../../../shared/api/feedback-request-schemas';
import { formatTimestamp } from '../../../shared/periods/parse-timestamp';
import type { FeedbackRequestEventRow, FeedbackRequestRow, FullFeedbackRequest } from '../../store/feedback-request-rows';

const time = (iso: string) => formatTimestamp(new Date(iso));
const timeOrNull = (iso: string | null) => (iso === null ? null : time(iso));

/** The hosted survey page of a request. */
export function requestLink(publicBase: string, row: Pick<FeedbackRequestRow, 'link_token'>): string {
  return `${publicBase}/s/${row.link_token}`;
}

/** The attributes a response's `feedback_request` carries. Pure. */
export function feedbackRequestSummaryJson(row: FeedbackRequestRow): FeedbackRequestSummaryJson {
  return {
    id: row.id,
    email: row.email,
    state: row.state,
    first_name: row.first_name,
    surname: row.surname,
    survey_id: row.survey_id,
    email_template_id: row.email_template_id,
    reference: row.reference,
    machine_id: row.machine_id,
    send_at: time(row.send_at),
    sent_at: timeOrNull(row.sent_at),
    created_at: time(row.created_at),
    updated_at: time(row.updated_at),
    deletion_requested_at: null,
    not_sent_reason: row.not_sent_reason,
    delivery_failure: row.delivery_failure,
  };
}

/**
 * A request in the seed's create-response shape (ids on data and reminders,
 * `link`), with `sms`, `provider` and, when given, the timeline. Pure.
 */
export function feedbackRequestJson({ row, data, reminders }: FullFeedbackRequest, publicBase: string, timeline?: FeedbackRequestEventRow[]): FeedbackRequestJson {
  const { deletion_requested_at: _never, ...summary } = feedbackRequestSummaryJson(row);
  return {
    ...summary,
    ignore_throttle: row.ignore_throttle === 1,
    external_link: row.external_link === 1,
    link: requestLink(publicBase, row),
    sms: row.channel === 'sms' && row.phone !== null ? { number: row.phone, text_message_template_id: row.text_message_template_id } : null,
    provider: row.provider,
    data: data.map((d) => ({ id: d.id, key: d.key, value: d.value })),
    reminders: reminders.map((r) => ({
      id: r.id,
      email_template_id: r.email_template_id,
      send_at: time(r.send_at),
      sent_at: timeOrNull(r.sent_at),
      text_message_template_id: r.text_message_template_id,
      not_sent_reason: r.not_sent_reason,
      delivery_failure: r.delivery_failure,
    })),
    ...(timeline && { timeline: timeline.map((e) => ({ at: time(e.at), kind: e.kind, detail: e.detail })) }),
  };
}
