import type { AnswerValue } from '../shared/answer';
import type { CustomerField } from '../shared/param-keys';
import type { SortedParams } from '../shared/sort-params';
import type { Survey } from '../shared/survey-schema';

/** What the visitor has entered so far: answers by question id, visible customer fields. */
export interface FormState {
  answers: Record<number, AnswerValue>;
  customer: Partial<Record<CustomerField, string>>;
}

/**
 * The form as it first appears: customer fields the survey shows are
 * prefilled from the params (and stay editable); a selection question that
 * asks about a segment is preselected when the passed value is one of its
 * options. Everything else travels hidden (see buildPayload).
 */
export function initialFormState(survey: Survey, params: SortedParams): FormState {
  const state: FormState = { answers: {}, customer: {} };
  for (const { field } of survey.customer_fields) {
    const value = params.customer[field];
    if (value !== undefined) state.customer[field] = value;
  }
  for (const question of survey.questions) {
    if (!('segment' in question) || !question.segment) continue;
    const value = params.segments[question.segment];
    if (value === undefined || !question.options.includes(value)) continue;
    state.answers[question.id] = question.answer_type === 'Checkbox' ? [value] : value;
  }
  return state;
}
