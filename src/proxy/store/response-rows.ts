import type { RatedAnswer } from '../../shared/metrics/rated-answers';
import type { StoredResponse } from '../../shared/response-schema';
import type { ResponsesTable } from './tables';
import type { Insertable, Selectable } from 'kysely';

/** A stored response's row, without its search text (up to 20,000 characters only a search reads). */
export type ResponseRow = Omit<Selectable<ResponsesTable>, 'search_text'>;

/** Every column of a `ResponseRow`: what lists select, so the search text stays unread. */
export const RESPONSE_COLUMNS = [
  'id', 'uuid', 'org', 'survey', 'survey_id', 'body_hash', 'reference', 'machine_id', 'locale', 'page_url',
  'submitted_at', 'submitted_utc', 'received_at', 'updated_at', 'email', 'company_name', 'site_code', 'staff_code',
  'site_id', 'staff_id', 'rated', 'answers', 'customer', 'segments', 'metadata', 'feedback_request_id', 'verified',
] as const satisfies readonly (keyof ResponseRow)[];

// A column added to the table but not to the list above fails to compile here.
const everyColumn: Record<Exclude<keyof ResponseRow, (typeof RESPONSE_COLUMNS)[number]>, never> = {};
void everyColumn;

/** The columns filters and links read, derived from the response itself; one derivation for inserts and migrated rows. */
export function derivedColumns(r: StoredResponse): Pick<ResponseRow, 'submitted_utc' | 'email' | 'company_name' | 'site_code' | 'staff_code'> {
  return {
    submitted_utc: utcIso(r.submitted_at) ?? r.received_at,
    email: lowerOrNull(r.customer.email),
    company_name: lowerOrNull(r.customer.company_name),
    site_code: r.segments.site_code ?? null,
    staff_code: r.segments.staff_code ?? null,
  };
}

/** A new row for `responses`, site and staff links resolved by the caller. */
export function responseRow(
  r: StoredResponse,
  bodyHash: string,
  links: { site_id: number | null; staff_id: number | null },
): Insertable<ResponsesTable> {
  return {
    uuid: r.id,
    org: r.org,
    survey: r.survey,
    survey_id: r.survey_id,
    body_hash: bodyHash,
    reference: r.reference,
    machine_id: r.machine_id,
    locale: r.locale,
    page_url: r.page_url,
    submitted_at: r.submitted_at,
    received_at: r.received_at,
    updated_at: r.received_at,
    ...derivedColumns(r),
    ...links,
    rated: 1,
    answers: JSON.stringify(r.answers),
    customer: JSON.stringify(r.customer),
    segments: JSON.stringify(r.segments),
    metadata: JSON.stringify(r.metadata),
    verified: r.verified ? 1 : 0,
  };
}

/** The columns `storedResponse` reads. */
export const STORED_RESPONSE_COLUMNS = [
  'uuid', 'org', 'survey', 'survey_id', 'answers', 'customer', 'segments', 'metadata',
  'reference', 'machine_id', 'locale', 'page_url', 'submitted_at', 'received_at', 'verified',
] as const satisfies readonly (keyof ResponseRow)[];

/** A stored row as the widget's `POST /v1/responses` returns it (its `id` is the UUID). */
export function storedResponse(row: Pick<ResponseRow, (typeof STORED_RESPONSE_COLUMNS)[number]>): StoredResponse {
  return {
    id: row.uuid,
    org: row.org,
    survey: row.survey,
    survey_id: row.survey_id,
    answers: JSON.parse(row.answers) as StoredResponse['answers'],
    customer: JSON.parse(row.customer) as Record<string, string>,
    segments: JSON.parse(row.segments) as Record<string, string>,
    metadata: JSON.parse(row.metadata) as Record<string, string>,
    reference: row.reference,
    machine_id: row.machine_id,
    locale: row.locale,
    page_url: row.page_url,
    submitted_at: row.submitted_at,
    received_at: row.received_at,
    verified: Number(row.verified) === 1,
  };
}

/** Rows for `ratings`, one per counted answer. */
export function ratingRows(row: Pick<ResponseRow, 'id' | 'org' | 'survey_id' | 'site_id' | 'staff_id' | 'company_name' | 'submitted_utc'>, rated: readonly RatedAnswer[]) {
  return rated.map(({ scale, value }) => ({
    response_id: row.id,
    org: row.org,
    scale,
    survey_id: row.survey_id,
    site_id: row.site_id,
    staff_id: row.staff_id,
    company_name: row.company_name,
    submitted_utc: row.submitted_utc,
    value,
  }));
}

function utcIso(text: string): string | undefined {
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

function lowerOrNull(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed.toLowerCase() : null;
}
