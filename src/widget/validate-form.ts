import { isAnswered } from '../shared/answer';
import { answerField, groupField } from '../shared/error-body';
import { EMAIL_PATTERN, MAX_VALUE_LENGTH } from '../shared/param-keys';
import type { Survey } from '../shared/survey-schema';
import type { FormState } from './form-state';
import type { Translate } from './i18n/translate';

/** Messages by field name (`answers[3]`, `customer.email`): the same names the proxy uses. */
export type FieldErrors = Record<string, string>;

/**
 * Checks the form before sending, with the same rules the proxy enforces, so
 * the visitor sees problems inline instead of after a round trip.
 */
export function validateForm(survey: Survey, state: FormState, t: Translate): FieldErrors {
  const errors: FieldErrors = {};
  for (const question of survey.questions) {
    const value = state.answers[question.id];
    if (!isAnswered(value)) {
      if (question.required) errors[answerField(question.id)] = t('error_required');
    } else if (question.answer_type === 'Text' && typeof value === 'string' && value.length > question.max_length) {
      errors[answerField(question.id)] = t('error_too_long', { max: question.max_length });
    }
  }
  for (const { field, required } of survey.customer_fields) {
    const value = state.customer[field]?.trim() ?? '';
    const name = groupField('customer', field);
    if (value === '') {
      if (required) errors[name] = t('error_required_field');
    } else if (value.length > MAX_VALUE_LENGTH) {
      errors[name] = t('error_too_long', { max: MAX_VALUE_LENGTH });
    } else if (field === 'email' && !EMAIL_PATTERN.test(value)) {
      errors[name] = t('error_email');
    }
  }
  return errors;
}
