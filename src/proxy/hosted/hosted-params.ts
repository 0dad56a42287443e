import type { FullFeedbackRequest } from '../store/feedback-request-rows';

/** The survey-params key carrying a hosted link's token; the proxy links the response by it and never stores it. */
export const FEEDBACK_REQUEST_PARAM = 'feedback_request';

/**
 * The widget's `data-survey-params` for a request's hosted page: the
 * customer's name, email and number prefilled, `data[]` (staff_code,
 * site_code, segments and the rest, which the widget sorts as it sorts any
 * params: "Data is automatically stored against any responses that comes in
 * from the feedback request"), reference, machine_id and the link's token.
 * Pure.
 *
 * @example
 * hostedSurveyParams(request).name // 'John Smith'
 */
export function hostedSurveyParams({ row, data }: FullFeedbackRequest): Record<string, string> {
  const params: Record<string, string> = {};
  const name = [row.first_name, row.surname].filter(Boolean).join(' ');
  if (name) params.name = name;
  if (row.email) params.email = row.email;
  if (row.phone) params.telephone_number = row.phone;
  for (const { key, value } of data) params[key] = value;
  if (row.reference) params.reference = row.reference;
  if (row.machine_id) params.machine_id = row.machine_id;
  params[FEEDBACK_REQUEST_PARAM] = row.link_token;
  return params;
}
