import { CUSTOMER_FIELDS } from '../../../shared/param-keys';
import { formatTimestamp } from '../../../shared/periods/parse-timestamp';
import type { StoredResponse } from '../../../shared/response-schema';
import type { Survey } from '../../../shared/survey-schema';
import type { ResponseRow } from '../../store/response-rows';

/** One CSV column: its header and how a row fills it. */
export interface CsvColumn {
  header: string;
  cell(row: ResponseRow, parsed: ParsedRow): string | number | null;
}

interface ParsedRow {
  answers: Map<number, StoredResponse['answers'][number]['answer']>;
  customer: Record<string, string>;
  segments: Record<string, string>;
  metadata: Record<string, string>;
}

/**
 * The export's columns: the response's own fields, the customer fields, one per
 * segment key, the metadata as JSON, then one per question of the surveys in
 * view (prefixed with the survey's name when there are several). Pure.
 */
export function csvColumns(surveys: readonly Survey[], segmentKeys: readonly string[]): CsvColumn[] {
  const columns: CsvColumn[] = [
    { header: 'id', cell: (r) => r.id },
    { header: 'submitted_at', cell: (r) => formatTimestamp(new Date(r.submitted_utc)) },
    { header: 'received_at', cell: (r) => formatTimestamp(new Date(r.received_at)) },
    { header: 'survey_id', cell: (r) => r.survey_id },
    { header: 'survey', cell: (r) => r.survey },
    ...CUSTOMER_FIELDS.map((field): CsvColumn => ({ header: field, cell: (_, p) => p.customer[field] ?? null })),
    ...segmentKeys.map((key): CsvColumn => ({ header: key, cell: (_, p) => p.segments[key] ?? null })),
    { header: 'reference', cell: (r) => r.reference },
    { header: 'machine_id', cell: (r) => r.machine_id },
    { header: 'locale', cell: (r) => r.locale },
    { header: 'page_url', cell: (r) => r.page_url },
    { header: 'feedback_request_id', cell: (r) => r.feedback_request_id },
    // true or false, as the v1 API and the JSON export say it: the survey params came signed and verified.
    { header: 'verified', cell: (r) => String(Number(r.verified) === 1) },
    { header: 'metadata', cell: (_, p) => (Object.keys(p.metadata).length ? JSON.stringify(p.metadata) : null) },
  ];
  for (const survey of surveys) {
    for (const q of survey.questions) {
      columns.push({
        header: surveys.length > 1 ? `${survey.name}: ${q.question}` : q.question,
        cell: (r, p) => {
          if (r.survey_id !== survey.id) return null;
          const answer = p.answers.get(q.id);
          return answer === undefined ? null : Array.isArray(answer) ? answer.join('; ') : answer;
        },
      });
    }
  }
  return columns;
}

/** The header line, after a byte-order mark so spreadsheet programs read UTF-8 as UTF-8. */
export function csvHeader(columns: readonly CsvColumn[]): string {
  return `\uFEFF${columns.map((c) => csvCell(c.header)).join(',')}\r\n`;
}

/** One row as a CSV line (RFC 4180, CRLF). */
export function csvLine(row: ResponseRow, columns: readonly CsvColumn[]): string {
  const parsed: ParsedRow = {
    answers: new Map((JSON.parse(row.answers) as StoredResponse['answers']).map((a) => [a.question_id, a.answer])),
    customer: JSON.parse(row.customer) as Record<string, string>,
    segments: JSON.parse(row.segments) as Record<string, string>,
    metadata: JSON.parse(row.metadata) as Record<string, string>,
  };
  return `${columns.map((c) => csvCell(c.cell(row, parsed))).join(',')}\r\n`;
}

/**
 * A cell, quoted when it must be. Text a customer typed that starts like a
 * formula (`=`, `+`, `-`, `@`, tab, CR) gets a leading apostrophe, so opening
 * the export in a spreadsheet never runs what a visitor wrote (OWASP, CSV injection).
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
