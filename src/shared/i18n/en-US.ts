import type { Strings } from './en';

/** American English overrides (en-US); other keys fall back to en. */
export const enUS: Partial<Strings> = {
  error_required_field: 'Please fill out this field.',
  field_postcode: 'ZIP code',
};
