import { h } from 'preact';
import { useEffect, useId, useState } from 'preact/hooks';
import { DATE_PERIODS, isDatePeriod } from '../../shared/periods/date-periods';
import { PERIOD_LABELS } from '../i18n/period-labels';
import type { RangeChoice } from '../routing/filters';
import { useDashboard } from '../state/dashboard-context';
import { SelectField } from './select-field';

export interface RangePickerProps {
  range: RangeChoice;
  onChange(range: RangeChoice): void;
}

const CUSTOM = 'custom';

/**
 * The 18 named periods, plus "Custom range", which reveals two date inputs
 * and an Apply button (a range takes effect once both ends are chosen, not
 * at the first date picked).
 */
export function RangePicker({ range, onChange }: RangePickerProps) {
  const { t } = useDashboard();
  const id = useId();
  const [custom, setCustom] = useState(!('period' in range));
  const [from, setFrom] = useState('period' in range ? '' : range.from);
  const [to, setTo] = useState('period' in range ? '' : range.to);
  useEffect(() => {
    setCustom(!('period' in range));
    if (!('period' in range)) {
      setFrom(range.from);
      setTo(range.to);
    }
  }, ['period' in range ? range.period : `${range.from}/${range.to}`]);
  const options = [
    ...DATE_PERIODS.map((period) => ({ value: period, label: t(PERIOD_LABELS[period]) })),
    { value: CUSTOM, label: t('customRange') },
  ];
  return (
    <div class="range">
      <SelectField
        label={t('range')}
        value={custom ? CUSTOM : 'period' in range ? range.period : CUSTOM}
        options={options}
        onChange={(value) => {
          if (isDatePeriod(value)) {
            setCustom(false);
            onChange({ period: value });
          } else setCustom(true);
        }}
      />
      {custom && (
        <form
          class="custom-range"
          onSubmit={(event) => {
            event.preventDefault();
            if (from && to && from <= to) onChange({ from, to });
          }}
        >
          <div class="field">
            <label class="label" for={`${id}-from`}>
              {t('from')}
            </label>
            <input id={`${id}-from`} class="input" type="date" required value={from} max={to || undefined} onInput={(e) => setFrom(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label class="label" for={`${id}-to`}>
              {t('to')}
            </label>
            <input id={`${id}-to`} class="input" type="date" required value={to} min={from || undefined} onInput={(e) => setTo(e.currentTarget.value)} />
          </div>
          <button class="secondary" type="submit">
            {t('apply')}
          </button>
        </form>
      )}
    </div>
  );
}
