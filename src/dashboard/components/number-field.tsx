import { h } from 'preact';
import { useId } from 'preact/hooks';

export interface NumberFieldProps {
  label: string;
  value: number | null;
  min: number;
  max: number;
  /** Called on commit (Enter or leaving the field), with null for an empty field. */
  onChange(value: number | null): void;
  disabled?: boolean;
}

/**
 * A labelled whole-number input that commits on `change`, not on each key, so
 * typing "12" does not fetch for "1" first. Out-of-range values are clamped.
 */
export function NumberField({ label, value, min, max, onChange, disabled }: NumberFieldProps) {
  const id = useId();
  return (
    <div class="field narrow">
      <label class="label" for={id}>
        {label}
      </label>
      <input
        id={id}
        class="input"
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        value={value ?? ''}
        disabled={disabled}
        onChange={(event) => {
          const text = (event.currentTarget as HTMLInputElement).value.trim();
          const n = Math.round(Number(text));
          onChange(text === '' || !Number.isFinite(n) ? null : Math.min(max, Math.max(min, n)));
        }}
      />
    </div>
  );
}
