import type { FullFeedbackRequest, NewFeedbackRequest } from '../store/feedback-request-rows';
import type { RelayRequest } from './relay-request';

type RequestFields = Omit<NewFeedbackRequest, 'provider' | 'ignore_throttle' | 'external_link' | 'idempotency_key' | 'body_hash'>;

/**
 * The adapters' view of a feedback request. `id` is 0 for one not stored
 * yet (checked against the system's rules before it is accepted).
 *
 * @example
 * relayRequestOf(newRequest, 0, null).channel // 'email'
 */
export function relayRequestOf(request: RequestFields, id: number, callbackUrl: string | null): RelayRequest {
  return {
    id,
    org: request.org,
    channel: request.channel,
    email: request.email,
    phone: request.phone,
    firstName: request.first_name,
    surname: request.surname,
    surveyId: request.survey_id,
    emailTemplateId: request.email_template_id,
    textMessageTemplateId: request.text_message_template_id,
    reference: request.reference,
    machineId: request.machine_id,
    sendAt: request.send_at,
    data: request.data.map(({ key, value }) => ({ key, value })),
    reminders: request.reminders.map((r) => ({ sendAt: r.send_at, emailTemplateId: r.email_template_id, textMessageTemplateId: r.text_message_template_id })),
    callbackUrl,
  };
}

/** A stored request, as the relay worker hands it to an adapter. */
export function storedRelayRequest({ row, data, reminders }: FullFeedbackRequest, callbackUrl: string | null): RelayRequest {
  return relayRequestOf({ ...row, data, reminders }, row.id, callbackUrl);
}
