import type { FeedbackResponseJson } from '../../../shared/api/api-schemas';
import { CUSTOMER_FIELDS } from '../../../shared/param-keys';
import { formatTimestamp } from '../../../shared/periods/parse-timestamp';
import type { FeedbackRequestRow } from '../../store/feedback-request-rows';
import type { ResponseRow } from '../../store/response-rows';
import { feedbackRequestSummaryJson } from './feedback-request-json';
import type { StoredResponse } from '../../../shared/response-schema';
import type { AnswerType } from '../../../shared/survey-schema';

/**
 * A stored response in the seed's `feedback_responses` shape. `fields` holds
 * the five customer fields (null when blank: "Blank fields are included as
 * null instead of being omitted") and then every segment and metadata key
 * the response carried, except `reference` and `machine_id`, which have
 * attributes of their own; `feedback_request` is the request it answers;
 * `verified` says its params came signed by the merchant's server. Pure.
 */
export function feedbackResponseJson(row: ResponseRow, surveyName: string | null, request: FeedbackRequestRow | null = null): FeedbackResponseJson {
  const customer = JSON.parse(row.customer) as Record<string, string>;
  const segments = JSON.parse(row.segments) as Record<string, string>;
  const metadata = JSON.parse(row.metadata) as Record<string, string>;
  const fields: Record<string, string | null> = {};
  for (const key of CUSTOMER_FIELDS) fields[key] = customer[key]?.trim() ? customer[key] : null;
  for (const [key, value] of [...Object.entries(segments), ...Object.entries(metadata)]) {
    if (key !== 'reference' && key !== 'machine_id') fields[key] = value;
  }
  const answers = JSON.parse(row.answers) as StoredResponse['answers'];
  return {
    id: row.id,
    reference: row.reference,
    machine_id: row.machine_id,
    fields,
    answers: answers.map((a) => ({ question_id: a.question_id, question: a.question, answer: answerText(a.answer), type: a.type as AnswerType })),
    submitted_at: formatTimestamp(new Date(row.submitted_utc)),
    updated_at: formatTimestamp(new Date(row.updated_at)),
    feedback_request: request && feedbackRequestSummaryJson(request),
    survey: { id: row.survey_id, name: surveyName },
    verified: Number(row.verified) === 1,
  };
}

/** "answer: string The customer's answer": ratings as their digits, checkbox choices joined. */
export function answerText(answer: StoredResponse['answers'][number]['answer']): string {
  if (Array.isArray(answer)) return answer.join(', ');
  return String(answer);
}
