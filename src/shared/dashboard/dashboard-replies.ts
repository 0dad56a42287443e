import type { FeedbackRequestJson } from '../api/feedback-request-schemas';
import type { CsatResult } from '../metrics/csat';
import type { NpsResult } from '../metrics/nps';
import type { TrendBucket } from './dashboard-query';

/**
 * What the dashboard's JSON API answers, under `/dashboard/api`. The proxy
 * builds these; the dashboard renders them. Dates are the org's local
 * calendar dates (`YYYY-MM-DD`); instants are ISO 8601 UTC.
 */

/** A span of whole local days, and the instants it covers (both ends included). */
export interface RangeJson {
  first: string;
  last: string;
  from: string;
  to: string;
}

/** `GET /dashboard/api/me`: who is signed in and what there is to filter by. */
export interface MeJson {
  org: string;
  time_zone: string;
  surveys: SurveyInfoJson[];
  /** League-table and filter dimensions: `site_code`, `staff_code`, then custom segments, each with a label. */
  dimensions: DimensionJson[];
  /** When the session ends (ISO), so the page can say so rather than fail. */
  expires_at: string;
}

export interface SurveyInfoJson {
  id: number;
  code: string;
  name: string;
  rating_questions: RatingQuestionInfoJson[];
}

export interface RatingQuestionInfoJson {
  id: number;
  question: string;
  scale: 'nps' | 'csat' | 'custom';
  min: number;
  max: number;
  min_label?: string;
  max_label?: string;
}

export interface DimensionJson {
  key: string;
  /** `Site`, `Staff member`, or the segment key itself. */
  kind: 'site' | 'staff' | 'segment';
  /** Values seen, most frequent first (up to 200), each with its display label (a site's name, a staff member's name). */
  members: { value: string; label: string }[];
}

/** `GET /dashboard/api/overview` */
export interface OverviewJson {
  range: RangeJson;
  /** The same number of days immediately before `range`. */
  previous: RangeJson;
  responses: { count: number; previous: number };
  nps: NpsResult & { previous_score: number | null };
  csat: CsatResult & { previous_score: number | null };
  /** Every Rating question of the surveys in view, NPS and CSAT included. */
  scores: ScoreSummaryJson[];
  trend: { bucket: TrendBucket; points: TrendPointJson[] };
}

export interface ScoreSummaryJson {
  survey_id: number;
  question_id: number;
  question: string;
  scale: 'nps' | 'csat' | 'custom';
  min: number;
  max: number;
  min_label?: string;
  max_label?: string;
  /** How many answers; the average is null without any. */
  count: number;
  average: number | null;
  /** `counts[i]` answers gave `min + i`. */
  counts: number[];
}

export interface TrendPointJson {
  /** First and last local day of the bucket (clipped to the range). */
  first: string;
  last: string;
  responses: number;
  nps: number | null;
  nps_ratings: number;
  csat: number | null;
  csat_ratings: number;
}

/** `GET /dashboard/api/league` */
export interface LeagueJson {
  range: RangeJson;
  dimension: string;
  min_responses: number;
  rows: LeagueRowJson[];
  /** Members left out for having fewer than `min_responses` responses. */
  below_threshold: number;
}

export interface LeagueRowJson {
  member: string;
  label: string;
  responses: number;
  nps: number | null;
  promoters: number;
  passives: number;
  detractors: number;
  csat: number | null;
  csat_ratings: number;
}

/** One line of `GET /dashboard/api/responses`. */
export interface ResponseSummaryJson {
  id: number;
  survey_id: number;
  survey_name: string;
  submitted_at: string;
  customer_name: string | null;
  email: string | null;
  site_code: string | null;
  staff_code: string | null;
  /** The first NPS and CSAT answers, when the survey asks them. */
  nps: number | null;
  csat: number | null;
  /** The first text answer, cut to 200 characters. */
  excerpt: string | null;
  feedback_request_id: number | null;
  /** Its survey params came signed by the merchant's server and verified. */
  verified: boolean;
}

export interface ResponseListJson {
  items: ResponseSummaryJson[];
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  next_cursor: string | null;
  /** How many responses match; null when counting would mean a scan (score or text filters). */
  total: number | null;
}

/** `GET /dashboard/api/responses/:id` */
export interface ResponseDetailJson {
  id: number;
  uuid: string;
  survey: { id: number; code: string; name: string };
  submitted_at: string;
  received_at: string;
  locale: string | null;
  page_url: string | null;
  answers: AnswerDetailJson[];
  customer: Record<string, string>;
  segments: Record<string, string>;
  metadata: Record<string, string>;
  reference: string | null;
  machine_id: string | null;
  /** Built from the org's URL patterns (`_org.json`), only when configured; always http(s). */
  links: { reference?: string; machine_id?: string };
  feedback_request: FeedbackRequestJson | null;
  /** Its survey params came signed by the merchant's server and verified: every signed key is as signed. */
  verified: boolean;
}

export interface AnswerDetailJson {
  question_id: number;
  /** Null when the survey file no longer has the question. */
  question: string | null;
  answer_type: string | null;
  answer: string | number | string[];
  /** For ratings: the scale's ends. */
  min?: number;
  max?: number;
}

/** `GET /dashboard/api/invitations`: feedback requests, newest first. */
export interface InvitationListJson {
  items: FeedbackRequestJson[];
  total: number;
  page: number;
  limit: number;
}

/** `GET /dashboard/api/invitations/:id`: with its timeline. */
export type InvitationDetailJson = FeedbackRequestJson;

/** The `response` event of `GET /dashboard/api/events` (server-sent events). */
export type ResponseEventJson = ResponseSummaryJson;
