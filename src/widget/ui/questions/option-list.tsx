import { h } from 'preact';
import type { FieldIds } from './question-props';

export interface OptionListProps {
  type: 'radio' | 'checkbox';
  /** `options` for radios and checkboxes, `scale` for a rating's row of numbers. */
  look: 'options' | 'scale';
  values: readonly (string | number)[];
  isChecked: (value: string | number) => boolean;
  onToggle: (value: string | number) => void;
  ids: FieldIds;
  invalid: boolean;
}

/**
 * Native radios or checkboxes, styled as tappable rows or as a rating scale.
 * Native inputs bring the radio-group keyboard (arrows, one tab stop, right
 * to left included) and screen-reader semantics with no script of ours.
 */
export function OptionList({ type, look, values, isChecked, onToggle, ids, invalid }: OptionListProps) {
  return (
    <div class={look} style={look === 'scale' ? { '--n': values.length } : undefined}>
      {values.map((value, i) => (
        <label class="option" key={value}>
          <input
            type={type}
            id={i ? undefined : ids.control}
            name={ids.control}
            checked={isChecked(value)}
            aria-describedby={ids.describedBy}
            aria-invalid={invalid}
            onChange={() => onToggle(value)}
          />
          <span>{value}</span>
        </label>
      ))}
    </div>
  );
}
