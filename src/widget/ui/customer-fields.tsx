import { h } from 'preact';
import type { CustomerField } from '../../shared/param-keys';
import { groupField } from '../../shared/error-body';
import type { Survey } from '../../shared/survey-schema';
import type { StringKey } from '../../shared/i18n/en';
import type { Translate } from '../i18n/translate';
import type { FieldErrors } from '../validate-form';
import { FieldShell } from './field-shell';

/** Autofill token per customer field; email and tel also pick the phone keyboard as input types. */
const AUTOCOMPLETE: Record<CustomerField, string> = {
  name: 'name', email: 'email', telephone_number: 'tel', company_name: 'organization', postcode: 'postal-code',
};

export interface CustomerFieldsProps {
  fields: Survey['customer_fields'];
  values: Partial<Record<CustomerField, string>>;
  onChange: (field: CustomerField, value: string) => void;
  errors: FieldErrors;
  t: Translate;
}

/** The customer fields the survey shows: prefilled from the params, editable. */
export function CustomerFields({ fields, values, onChange, errors, t }: CustomerFieldsProps) {
  if (fields.length === 0) return null;
  return (
    <fieldset class="details">
      <legend>{t('your_details')}</legend>
      {fields.map(({ field, required, label }) => {
        const error = errors[groupField('customer', field)];
        return (
          <FieldShell key={field} name={`c-${field}`} label={label ?? t(`field_${field}` as StringKey)} required={required} grouped={false} error={error} t={t}>
            {(ids) => (
              <input
                id={ids.control}
                class="input"
                type={field === 'email' || field === 'telephone_number' ? AUTOCOMPLETE[field] : 'text'}
                autoComplete={AUTOCOMPLETE[field]}
                value={values[field] ?? ''}
                maxLength={100}
                aria-describedby={ids.describedBy}
                aria-required={required}
                aria-invalid={!!error}
                onInput={(event) => onChange(field, (event.currentTarget as HTMLInputElement).value)}
              />
            )}
          </FieldShell>
        );
      })}
    </fieldset>
  );
}
