import type { Generated } from 'kysely';
import type { DashboardTables } from './dashboard-tables';

/**
 * The database as Kysely sees it: one interface per table, the same on
 * SQLite and PostgreSQL. Times are ISO 8601 UTC text with milliseconds
 * (`Date#toISOString()`), so they compare correctly as strings on both.
 * Only `src/proxy/store/` imports this file: nothing else writes SQL.
 */
export interface Tables extends DashboardTables {
  responses: ResponsesTable;
  ratings: RatingsTable;
  rating_days: RatingDaysTable;
  response_counts: ResponseCountsTable;
  sites: SitesTable;
  staff: StaffTable;
  api_tokens: ApiTokensTable;
  feedback_requests: FeedbackRequestsTable;
  feedback_request_data: FeedbackRequestDataTable;
  feedback_request_reminders: FeedbackRequestRemindersTable;
  feedback_request_events: FeedbackRequestEventsTable;
  jobs: JobsTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  rate_limit_hits: RateLimitHitsTable;
}

export interface ResponsesTable {
  /** The v1 API's integer id, in arrival order. */
  id: Generated<number>;
  /** The widget's UUID: the idempotency key of `POST /v1/responses`. */
  uuid: string;
  org: string;
  /** The survey file's code. */
  survey: string;
  /** The survey file's `id` (CustomerSure's survey id). */
  survey_id: number;
  body_hash: string;
  reference: string | null;
  machine_id: string | null;
  locale: string | null;
  page_url: string | null;
  /** As the widget sent it (any offset). */
  submitted_at: string;
  /** `submitted_at` in UTC: what periods and metrics filter on. */
  submitted_utc: string;
  /** When the proxy stored it: the API's `created_since`. */
  received_at: string;
  updated_at: string;
  /** Lower-cased customer email, for the `email` filter. */
  email: string | null;
  /** Lower-cased company name, for the metrics' `company_name` search. */
  company_name: string | null;
  site_code: string | null;
  staff_code: string | null;
  /** Linked when a site / staff member has the response's code, even one created later. */
  site_id: number | null;
  staff_id: number | null;
  /** 0 for rows migrated from before ratings existed, until start-up indexes them. */
  rated: number;
  /** JSON text. */
  answers: string;
  customer: string;
  segments: string;
  metadata: string;
  /** The feedback request this response answers (through its hosted link or a provider's webhook). */
  feedback_request_id: number | null;
  /** Lower-cased text the dashboard's free-text search looks in (`responseFacts`); null until indexed. */
  search_text: string | null;
  /** 1 when the survey params came signed by the merchant's server and the signature verified. */
  verified: Generated<number>;
}

/** One NPS or CSAT rating answer: what `/nps` and `/csat` count. */
export interface RatingsTable {
  response_id: number;
  org: string;
  scale: RatingKind;
  survey_id: number;
  site_id: number | null;
  staff_id: number | null;
  company_name: string | null;
  submitted_utc: string;
  value: number;
}

export type RatingKind = 'nps' | 'csat';

/** Ratings counted per UTC day: whole days of a period are summed here, not scanned. */
export interface RatingDaysTable {
  org: string;
  scale: RatingKind;
  survey_id: number;
  /** `YYYY-MM-DD`, UTC. */
  day: string;
  value: number;
  n: number;
}

/** Responses per survey, so an unfiltered list's `X-Total-Count` is a sum, not a scan. */
export interface ResponseCountsTable {
  org: string;
  survey_id: number;
  n: number;
}

export interface SitesTable {
  id: Generated<number>;
  org: string;
  site_code: string;
  name: string;
  city: string | null;
  region: string | null;
  site_type: string | null;
  created_at: string;
  updated_at: string;
}

export interface StaffTable {
  id: Generated<number>;
  org: string;
  code: string;
  first_name: string;
  surname: string | null;
  email: string | null;
  time_zone: string | null;
  deactivated_at: string | null;
  team_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface ApiTokensTable {
  id: Generated<number>;
  org: string;
  name: string;
  /** sha256 of the token, hex; the token itself is never stored. */
  token_hash: string;
  created_at: string;
  revoked_at: string | null;
}

export type FeedbackRequestState = 'pending' | 'sent' | 'not_sent';

/** `POST /feedback_requests`, as stored. Times are ISO UTC text. */
export interface FeedbackRequestsTable {
  id: Generated<number>;
  org: string;
  state: FeedbackRequestState;
  channel: 'email' | 'sms';
  /** The system it is relayed to (`customersure`, `critizr`, …, or `proxy` for the hosted link alone). */
  provider: string;
  email: string | null;
  phone: string | null;
  first_name: string | null;
  surname: string | null;
  survey_id: number;
  email_template_id: number | null;
  text_message_template_id: number | null;
  reference: string | null;
  machine_id: string | null;
  /** `data[]`'s site_code, for `response_rate`'s site filter. */
  site_code: string | null;
  send_at: string;
  sent_at: string | null;
  created_at: string;
  updated_at: string;
  not_sent_reason: string | null;
  delivery_failure: string | null;
  ignore_throttle: number;
  external_link: number;
  /** The hosted survey link's token (`/s/{token}`): 128 random bits. */
  link_token: string;
  /** The provider's per-request callback token (Securating's webhook URL): 128 random bits. */
  callback_token: string;
  /** The system's own id for what it created. */
  provider_id: string | null;
  idempotency_key: string | null;
  body_hash: string;
  recipient: string | null;
}

export interface FeedbackRequestDataTable {
  id: Generated<number>;
  request_id: number;
  position: number;
  key: string;
  value: string;
}

export interface FeedbackRequestRemindersTable {
  id: Generated<number>;
  request_id: number;
  position: number;
  send_at: string;
  email_template_id: number | null;
  text_message_template_id: number | null;
  sent_at: string | null;
  not_sent_reason: string | null;
  delivery_failure: string | null;
}

/** One line of a request's timeline. */
export interface FeedbackRequestEventsTable {
  id: Generated<number>;
  request_id: number;
  at: string;
  /** `created`, `attempt_failed`, `sent`, `not_sent`, `throttled`, or a provider's step (`securating:mail-send`). */
  kind: string;
  detail: string | null;
}

export type JobKind = 'relay' | 'status' | 'webhook';

/** A unit of work in the durable queue. */
export interface JobsTable {
  id: Generated<number>;
  kind: JobKind;
  org: string;
  /** A feedback request id (relay, status) or a webhook delivery id (webhook). */
  subject_id: number;
  due_at: string;
  /** Attempts claimed so far (a claim counts, so a crash mid-send is counted too). */
  attempts: number;
  first_attempt_at: string | null;
  lease_owner: string | null;
  lease_until: string | null;
  last_error: string | null;
  done_at: string | null;
  created_at: string;
}

export interface WebhookEndpointsTable {
  id: Generated<number>;
  org: string;
  url: string;
  description: string | null;
  /** JSON array of event types. */
  events: string;
  /** `whsec_…`: needed in the clear to sign, so kept in the database, never in a reply after creation or a log. */
  secret: string;
  /** After a rotation, the old secret also signs until `previous_secret_until`. */
  previous_secret: string | null;
  previous_secret_until: string | null;
  created_at: string;
  updated_at: string;
  disabled_at: string | null;
}

export interface WebhookDeliveriesTable {
  id: Generated<number>;
  endpoint_id: number;
  org: string;
  /** `webhook-id`: the same on every retry, so receivers can drop duplicates. */
  message_id: string;
  type: string;
  subject_id: number;
  body: string | null;
  created_at: string;
  delivered_at: string | null;
  failed_at: string | null;
  last_status: number | null;
  last_error: string | null;
}

/** Abuse-limit counters shared by instances on one PostgreSQL: hits per key in one fixed window. */
export interface RateLimitHitsTable {
  key: string;
  /** The window's start in ms since the epoch (bigint: read back as a string on PostgreSQL). */
  window_start: number | string;
  hits: number;
}
