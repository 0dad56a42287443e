import { h } from 'preact';
import type { ComponentChildren } from 'preact';
import type { Translate } from '../i18n/translate';
import type { FieldIds } from './questions/question-props';

export interface FieldShellProps {
  /** Unique within the widget; the ids of control, label, help and error derive from it. */
  name: string;
  label: string;
  help?: string;
  required: boolean;
  /** Several controls (radios, a rating scale) are a fieldset with a legend. */
  grouped: boolean;
  error: string | undefined;
  t: Translate;
  children: (ids: FieldIds) => ComponentChildren;
}

/**
 * The frame around every field: label or legend, required marker, help text
 * and an error message tied to the control with aria-describedby.
 */
export function FieldShell({ name, label, help, required, grouped, error, t, children }: FieldShellProps) {
  const ids = { control: `sw-${name}`, label: `sw-${name}-label`, help: `sw-${name}-help`, error: `sw-${name}-error` };
  const describedBy = [help && ids.help, error && ids.error].filter(Boolean).join(' ') || undefined;
  const Frame = grouped ? 'fieldset' : 'div';
  const Caption = grouped ? 'legend' : 'label';
  return (
    <Frame class={error ? 'field invalid' : 'field'}>
      <Caption class="label" id={ids.label} for={grouped ? undefined : ids.control}>
        {label}
        {required && <span class="req" aria-hidden="true">*</span>}
      </Caption>
      {help && <p class="help" id={ids.help}>{help}</p>}
      {children({ control: ids.control, label: ids.label, describedBy })}
      {error && <p class="error" id={ids.error} role="alert">{error}</p>}
    </Frame>
  );
}
