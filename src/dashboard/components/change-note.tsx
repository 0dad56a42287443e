import { h } from 'preact';
import { useDashboard } from '../state/dashboard-context';

export interface ChangeNoteProps {
  current: number;
  /** Null when the previous period had nothing to compare with. */
  previous: number | null;
  /** How the previous value reads: a count, a score, a percent. */
  formatValue(value: number): string;
}

/** "▲ Up 12 on the previous period (34)": an arrow and words, so the change never rests on colour. */
export function ChangeNote({ current, previous, formatValue }: ChangeNoteProps) {
  const { t, fmt } = useDashboard();
  if (previous === null) return <p class="change">{t('noPrevious')}</p>;
  const diff = current - previous;
  const params = { change: fmt.number(Math.abs(diff)), previous: formatValue(previous) };
  if (diff === 0) return <p class="change">{t('changeSame', params)}</p>;
  return (
    <p class={diff > 0 ? 'change up' : 'change down'}>
      <span class="arrow" aria-hidden="true">
        {diff > 0 ? '▲' : '▼'}
      </span>{' '}
      {t(diff > 0 ? 'changeUp' : 'changeDown', params)}
    </p>
  );
}
