import { isAnswered } from '../shared/answer';
import { answerField, groupField } from '../shared/error-body';
import { EMAIL_PATTERN } from '../shared/param-keys';
import type { Survey } from '../shared/survey-schema';
import type { FormState } from './form-state';
import type { Translate } from './i18n/translate';

/** Messages by field name (`answers[3]`, `customer.email`): the same names the proxy uses. */
export type FieldErrors = Record<string, string>;

/**
 * Checks the form before sending, with the proxy's rules for what a visitor
 * can get wrong, so problems show inline instead of after a round trip.
 * Lengths need no check here: every field carries its maxlength.
 */
export function validateForm(survey: Survey, state: FormState, t: Translate): FieldErrors {
  const errors: FieldErrors = {};
  for (const question of survey.questions) {
    const value = state.answers[question.id];
    if (question.required && !isAnswered(value)) errors[answerField(question.id)] = t('error_required');
  }
  for (const { field, required } of survey.customer_fields) {
    const value = state.customer[field]?.trim() ?? '';
    const name = groupField('customer', field);
    if (required && !value) errors[name] = t('error_required_field');
    if (field === 'email' && value && !EMAIL_PATTERN.test(value)) errors[name] = t('error_email');
  }
  return errors;
}
