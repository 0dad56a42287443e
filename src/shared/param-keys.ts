/**
 * The key vocabulary of `data-survey-params`, from the CustomerSure widget API
 * ("Pass Parameters") and its data limits (`key` 30 chars, `value` 100 chars).
 */

/** Keys that are customer fields; everything about the customer the survey may show. */
export const CUSTOMER_FIELDS = ['name', 'email', 'telephone_number', 'company_name', 'postcode'] as const;
export type CustomerField = (typeof CUSTOMER_FIELDS)[number];

/** Segment keys every account has; the rest are declared per survey as custom segments. */
export const BUILTIN_SEGMENTS = ['staff_code', 'site_code'] as const;

/** Unique-metadata keys CustomerSure treats specially (links to other systems). */
export const SPECIAL_METADATA = ['reference', 'machine_id'] as const;

export const MAX_KEY_LENGTH = 30;
export const MAX_VALUE_LENGTH = 100;

/** Keys that would reach an object prototype if ever assigned; never accepted. */
export const UNSAFE_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

/** Org and survey codes; they also name survey files, so nothing else passes. */
export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** The 18 locales CustomerSure surveys use (Surveys resource, `locale`). */
export const LOCALES = [
  'en', 'en-US', 'fr', 'de', 'it', 'es', 'es-MX', 'nl', 'sv',
  'da', 'ja', 'ar', 'zh-CN', 'no', 'he', 'id', 'th', 'fi',
] as const;
export type Locale = (typeof LOCALES)[number];

/** True when `key` is one of the five customer fields. */
export function isCustomerField(key: string): key is CustomerField {
  return (CUSTOMER_FIELDS as readonly string[]).includes(key);
}

/** Deliberately loose: one @, no spaces, a dot in the domain. Both sides use it, so they agree. */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
