import type { CustomerField } from '../../shared/param-keys';
import { groupField } from '../../shared/error-body';
import type { Survey } from '../../shared/survey-schema';
import type { StringKey } from '../../shared/i18n/en';
import type { Translate } from '../i18n/translate';
import type { FieldErrors } from '../validate-form';
import { FieldShell } from './field-shell';

/** Input type and autofill token per customer field, so phones show the right keyboard. */
const INPUT: Record<CustomerField, { type: string; autoComplete: string }> = {
  name: { type: 'text', autoComplete: 'name' },
  email: { type: 'email', autoComplete: 'email' },
  telephone_number: { type: 'tel', autoComplete: 'tel' },
  company_name: { type: 'text', autoComplete: 'organization' },
  postcode: { type: 'text', autoComplete: 'postal-code' },
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
                {...INPUT[field]}
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
