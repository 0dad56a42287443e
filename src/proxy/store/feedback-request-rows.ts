import type { Selectable } from 'kysely';
import type {
  FeedbackRequestDataTable,
  FeedbackRequestEventsTable,
  FeedbackRequestRemindersTable,
  FeedbackRequestsTable,
} from './tables';

export type FeedbackRequestRow = Selectable<FeedbackRequestsTable>;
export type FeedbackRequestDataRow = Selectable<FeedbackRequestDataTable>;
export type FeedbackRequestReminderRow = Selectable<FeedbackRequestRemindersTable>;
export type FeedbackRequestEventRow = Selectable<FeedbackRequestEventsTable>;

/** A request with everything it owns, as the API and the relay read it. */
export interface FullFeedbackRequest {
  row: FeedbackRequestRow;
  data: FeedbackRequestDataRow[];
  reminders: FeedbackRequestReminderRow[];
}

/** A request to store: the validated body, resolved against the org. Times are ISO UTC. */
export interface NewFeedbackRequest {
  org: string;
  provider: string;
  channel: 'email' | 'sms';
  email: string | null;
  phone: string | null;
  first_name: string | null;
  surname: string | null;
  survey_id: number;
  email_template_id: number | null;
  text_message_template_id: number | null;
  reference: string | null;
  machine_id: string | null;
  send_at: string;
  /** When the relay job is due, when not at `send_at`: at once for a system that schedules `send_at` itself. */
  relay_at?: string;
  ignore_throttle: boolean;
  external_link: boolean;
  data: { key: string; value: string }[];
  reminders: { send_at: string; email_template_id: number | null; text_message_template_id: number | null }[];
  idempotency_key: string | null;
  body_hash: string;
}

/** Whom over-survey protection counts per: the lower-cased email, else the SMS number's digits. */
export function recipientOf(request: Pick<NewFeedbackRequest, 'email' | 'phone'>): string | null {
  if (request.email) return request.email.trim().toLowerCase();
  if (request.phone) return `tel:${request.phone.replace(/[^0-9+]/g, '')}`;
  return null;
}

/** `data[]`'s site_code, which `response_rate` filters sites by. */
export function siteCodeOf(data: readonly { key: string; value: string }[]): string | null {
  return data.find((d) => d.key === 'site_code')?.value ?? null;
}
