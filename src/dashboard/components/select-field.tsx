import { h } from 'preact';
import { useId } from 'preact/hooks';

export interface SelectOption {
  value: string;
  label: string;
  /** The option's own language, for names such as "Deutsch" in an English list. */
  lang?: string;
}

export interface SelectFieldProps {
  label: string;
  value: string;
  options: readonly SelectOption[];
  onChange(value: string): void;
  disabled?: boolean;
  /** Extra classes on the field, such as `compact` in the header. */
  class?: string;
}

/** A labelled native select; it changes on choice, as a filter should. */
export function SelectField({ label, value, options, onChange, disabled, class: extra }: SelectFieldProps) {
  const id = useId();
  return (
    <div class={extra ? `field ${extra}` : 'field'}>
      <label class="label" for={id}>
        {label}
      </label>
      <div class="select">
        <select
          id={id}
          class="input"
          value={value}
          disabled={disabled}
          onChange={(event) => onChange((event.currentTarget as HTMLSelectElement).value)}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value} lang={option.lang}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
