/**
 * The dashboard's tables (migration 004), apart from `tables.ts` so that file
 * stays one screen per concern. Rollups count in the org's local calendar
 * days: every dashboard period is whole local days, so a year is summed from
 * 365 days' rows and never needs a partial-day edge.
 */
export interface DashboardTables {
  stat_days: StatDaysTable;
  stat_scores: StatScoresTable;
  stat_zones: StatZonesTable;
  response_segments: ResponseSegmentsTable;
  dashboard_sessions: DashboardSessionsTable;
}

/**
 * Responses, NPS bands and CSAT answers per local day, survey and segment
 * member. `dim` '' (with `member` '') counts every response; any other `dim`
 * is a segment key (`site_code`, `staff_code`, `region`) and `member` its value.
 * A survey with two NPS questions adds two ratings per response, as `/nps` does.
 */
export interface StatDaysTable {
  org: string;
  /** `YYYY-MM-DD` in the zone `stat_zones` names. */
  day: string;
  survey_id: number;
  dim: string;
  member: string;
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
  csat_1: number;
  csat_2: number;
  csat_3: number;
  csat_4: number;
  csat_5: number;
}

/** Answers per local day, Rating question and value, on every scale (custom ones too). */
export interface StatScoresTable {
  org: string;
  day: string;
  survey_id: number;
  question_id: number;
  value: number;
  n: number;
}

/** The zone an org's rollups were counted in: when `_org.json` changes it, they are rebuilt. */
export interface StatZonesTable {
  org: string;
  zone: string;
}

/** One row per segment of a response, so a list filtered by a segment walks an index newest first. */
export interface ResponseSegmentsTable {
  response_id: number;
  org: string;
  key: string;
  value: string;
  /** The response's `submitted_utc`, so the index orders by it. */
  submitted_utc: string;
}

/** A signed-in dashboard; the cookie's secret is never stored, only its sha256. */
export interface DashboardSessionsTable {
  id_hash: string;
  org: string;
  /** sha256 of the API token it was made from (database or API_TOKENS): revoking the token ends the session. */
  token_hash: string;
  created_at: string;
  expires_at: string;
}
