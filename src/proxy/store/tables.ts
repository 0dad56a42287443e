import type { Generated } from 'kysely';

/**
 * The database as Kysely sees it: one interface per table, the same on
 * SQLite and PostgreSQL. Times are ISO 8601 UTC text with milliseconds
 * (`Date#toISOString()`), so they compare correctly as strings on both.
 * Only `src/proxy/store/` imports this file: nothing else writes SQL.
 */
export interface Tables {
  responses: ResponsesTable;
  ratings: RatingsTable;
  rating_days: RatingDaysTable;
  response_counts: ResponseCountsTable;
  sites: SitesTable;
  staff: StaffTable;
  api_tokens: ApiTokensTable;
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
