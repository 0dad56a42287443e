import type { AnswerDetailJson, ResponseDetailJson } from '../../../shared/dashboard/dashboard-replies';
import type { FeedbackRequestJson } from '../../../shared/api/feedback-request-schemas';
import { formatTimestamp } from '../../../shared/periods/parse-timestamp';
import { resolveScale } from '../../../shared/rating-scale';
import type { StoredResponse } from '../../../shared/response-schema';
import type { Survey } from '../../../shared/survey-schema';
import type { LinkPatterns } from '../../org-settings/org-settings';
import type { ResponseRow } from '../../store/response-rows';

/**
 * A response in full for its detail view: every answer beside the question it
 * answered (the stored wording, so an edited survey file does not rewrite
 * history), every customer field, segment and metadata key, and links into the
 * merchant's own systems when the org configures URL patterns. Pure.
 */
export function responseDetailJson(row: ResponseRow, survey: Survey | undefined, patterns: LinkPatterns, request: FeedbackRequestJson | null): ResponseDetailJson {
  const answers = JSON.parse(row.answers) as StoredResponse['answers'];
  const questions = new Map((survey?.questions ?? []).map((q) => [q.id, q]));
  return {
    id: row.id,
    uuid: row.uuid,
    survey: { id: row.survey_id, code: row.survey, name: survey?.name ?? row.survey },
    submitted_at: formatTimestamp(new Date(row.submitted_utc)),
    received_at: formatTimestamp(new Date(row.received_at)),
    locale: row.locale,
    page_url: row.page_url,
    answers: answers.map((a): AnswerDetailJson => {
      const q = questions.get(a.question_id);
      const scale = q?.answer_type === 'Rating' ? resolveScale(q.scale) : undefined;
      return {
        question_id: a.question_id,
        question: a.question ?? q?.question ?? null,
        answer_type: a.type ?? q?.answer_type ?? null,
        answer: a.answer,
        ...(scale && { min: scale.min, max: scale.max }),
      };
    }),
    customer: JSON.parse(row.customer) as Record<string, string>,
    segments: JSON.parse(row.segments) as Record<string, string>,
    metadata: JSON.parse(row.metadata) as Record<string, string>,
    reference: row.reference,
    machine_id: row.machine_id,
    links: {
      ...linkTo(patterns.reference, 'reference', row.reference),
      ...linkTo(patterns.machine_id, 'machine_id', row.machine_id),
    },
    feedback_request: request,
    verified: Number(row.verified) === 1,
  };
}

/** The value placed into its pattern, encoded, so `../` or `?x=` in a reference cannot reshape the URL. */
function linkTo(pattern: string | undefined, name: 'reference' | 'machine_id', value: string | null): Record<string, string> {
  if (!pattern || value === null || value === '') return {};
  const url = pattern.replaceAll(`{${name}}`, encodeURIComponent(value));
  return /^https?:\/\//i.test(url) ? { [name]: url } : {};
}
