import { createHash } from 'node:crypto';
import { stripUnsafeCharacters } from '../../shared/clean-text';
import { resolveScale } from '../../shared/rating-scale';
import { sortParams } from '../../shared/sort-params';
import type { StoredResponse } from '../../shared/response-schema';
import type { Survey } from '../../shared/survey-schema';
import { hostedSurveyParams, FEEDBACK_REQUEST_PARAM } from '../hosted/hosted-params';
import type { FullFeedbackRequest } from '../store/feedback-request-rows';

/** A review a system collected for one of our requests (Securating's review-saved). */
export interface Review {
  /** Where it came from, for the metadata (`securating`). */
  source: string;
  rating: number;
  comment: string;
}

/**
 * A UUID fixed by the request and the source, so a system that reports the
 * same review twice (a robot retrying) stores one response, by the same
 * idempotency the widget's responses have.
 */
export function reviewUuid(request: FullFeedbackRequest, source: string): string {
  const hex = createHash('sha256').update(`${source}\u0000${request.row.callback_token}`).digest('hex');
  // Shaped as a version 4 UUID (what the responses table's ids are), from the hash's bits.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The review as one of our responses to the request's survey: the rating
 * answers the survey's first rating question whose scale holds it, the
 * comment its first text question; what has no question to answer is kept
 * in the metadata, so nothing the customer said is lost. The request's
 * customer details and data come along, as for a hosted link. Characters no
 * stored text may hold (controls, bidi overrides) are taken out of the comment
 * rather than refused: the system cannot correct a review it relays, and
 * refusing it would lose the rest of what the customer wrote. Pure.
 *
 * @example
 * reviewResponse(request, survey, 'post-purchase', { source: 'securating', rating: 4, comment: 'Très bien' }, now)
 */
export function reviewResponse(request: FullFeedbackRequest, survey: Survey, surveyCode: string, review: Review, now: Date): StoredResponse {
  const { [FEEDBACK_REQUEST_PARAM]: _token, ...params } = hostedSurveyParams(request);
  const sorted = sortParams(params, survey.custom_segments);
  const answers: StoredResponse['answers'] = [];
  const metadata: Record<string, string> = { ...sorted.metadata, source: review.source };
  const rating = survey.questions.find((q) => {
    if (q.answer_type !== 'Rating') return false;
    const { min, max } = resolveScale(q.scale);
    return Number.isInteger(review.rating) && review.rating >= min && review.rating <= max;
  });
  if (rating) answers.push({ question_id: rating.id, question: rating.question, type: 'Rating', answer: review.rating });
  else metadata[`${review.source}_rating`] = String(review.rating);
  const text = survey.questions.find((q) => q.answer_type === 'Text');
  const comment = stripUnsafeCharacters(review.comment);
  if (comment.trim()) {
    if (text) answers.push({ question_id: text.id, question: text.question, type: 'Text', answer: comment });
    else metadata[`${review.source}_comment`] = comment;
  }
  const iso = now.toISOString();
  return {
    id: reviewUuid(request, review.source),
    org: request.row.org,
    survey: surveyCode,
    survey_id: survey.id,
    answers,
    customer: sorted.customer,
    segments: sorted.segments,
    metadata,
    reference: request.row.reference,
    machine_id: request.row.machine_id,
    locale: survey.locale ?? null,
    page_url: null,
    submitted_at: iso,
    received_at: iso,
    // A review comes from a system, not a page the merchant's server signed.
    verified: false,
  };
}
