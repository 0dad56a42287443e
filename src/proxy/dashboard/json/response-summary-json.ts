import type { ResponseSummaryJson } from '../../../shared/dashboard/dashboard-replies';
import { formatTimestamp } from '../../../shared/periods/parse-timestamp';
import type { StoredResponse } from '../../../shared/response-schema';
import type { Survey } from '../../../shared/survey-schema';
import type { ResponseRow } from '../../store/response-rows';

const EXCERPT_LENGTH = 200;

/**
 * One line of the dashboard's response list: who, where, the first NPS and CSAT
 * answers and the start of the first text answer. `survey` is the file as it is
 * now; a question it no longer has is simply not shown as a score. Pure.
 */
export function responseSummaryJson(row: ResponseRow, survey: Survey | undefined): ResponseSummaryJson {
  const answers = JSON.parse(row.answers) as StoredResponse['answers'];
  const customer = JSON.parse(row.customer) as Record<string, string>;
  const scaleOf = new Map<number, string>();
  for (const q of survey?.questions ?? []) if (q.answer_type === 'Rating' && typeof q.scale === 'string') scaleOf.set(q.id, q.scale);
  const firstRating = (scale: string) => {
    const found = answers.find((a) => scaleOf.get(a.question_id) === scale && typeof a.answer === 'number');
    return found ? (found.answer as number) : null;
  };
  const text = answers.find((a) => a.type === 'Text' && typeof a.answer === 'string' && a.answer.trim() !== '');
  const excerpt = text ? (text.answer as string).trim() : null;
  return {
    id: row.id,
    survey_id: row.survey_id,
    survey_name: survey?.name ?? row.survey,
    submitted_at: formatTimestamp(new Date(row.submitted_utc)),
    customer_name: customer.name?.trim() || null,
    email: customer.email?.trim() || null,
    site_code: row.site_code,
    staff_code: row.staff_code,
    nps: firstRating('nps'),
    csat: firstRating('csat'),
    excerpt: excerpt && excerpt.length > EXCERPT_LENGTH ? `${excerpt.slice(0, EXCERPT_LENGTH - 1)}…` : excerpt,
    feedback_request_id: row.feedback_request_id,
    verified: Number(row.verified) === 1,
  };
}
