import { unsafeCharacter, unsafeCharacterMessage } from '../shared/clean-text';
import { answerField, groupField, type FieldError } from '../shared/error-body';
import type { StoredResponse } from '../shared/response-schema';
import { fieldError } from './validation-error';

/** The stored strings of a response: what `unsafeTextErrors` reads. */
export type ResponseText = Pick<StoredResponse, 'answers' | 'customer' | 'segments' | 'metadata' | 'locale' | 'page_url'>;

/**
 * One error per stored string of a response that holds a character no
 * stored text may hold (`unsafeCharacter`: controls, bidi overrides, lone
 * surrogates), naming the field in CustomerSure's format and the character.
 * A 422, which the widget does not retry: PostgreSQL's text cannot even hold
 * U+0000, and a response must not be left to fail its insert with a 500 the
 * widget would retry forever. Pure.
 *
 * @example
 * unsafeTextErrors({ ...response, customer: { name: 'Mari\u202Ener' } })
 * // [{ field: 'customer.name', error: 'invalid_value', extra_info: { message: 'must not contain U+202E RIGHT-TO-LEFT OVERRIDE (at character 5)' } }]
 */
export function unsafeTextErrors(value: ResponseText): FieldError[] {
  const errors: FieldError[] = [];
  // One error per field, about its first such character: enough to find and fix it.
  const check = (field: string, ...texts: string[]) => {
    const found = texts.map((text) => unsafeCharacter(text)).find((hit) => hit !== undefined);
    if (found) errors.push(fieldError(field, 'invalid_value', { message: unsafeCharacterMessage(found) }));
  };
  for (const { question_id, answer } of value.answers) {
    if (typeof answer === 'string') check(answerField(question_id), answer);
    else if (Array.isArray(answer)) check(answerField(question_id), ...answer);
  }
  for (const group of ['customer', 'segments', 'metadata'] as const) {
    const params = value[group];
    // The key first: a client fixes the name it sent before the value under it.
    for (const key in params) check(groupField(group, key), key, params[key]!);
  }
  if (value.locale !== null) check('locale', value.locale);
  if (value.page_url !== null) check('page_url', value.page_url);
  return errors;
}
