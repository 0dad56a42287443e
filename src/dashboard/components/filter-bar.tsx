import { h } from 'preact';
import type { SharedFilters } from '../routing/filters';
import { useDashboard } from '../state/dashboard-context';
import { RangePicker } from './range-picker';
import { SelectField } from './select-field';

export interface FilterBarProps {
  filters: SharedFilters;
  onChange(filters: SharedFilters): void;
}

/** The range and survey, shared by Overview, League tables and Responses (they travel in the URL). */
export function FilterBar({ filters, onChange }: FilterBarProps) {
  const { t, me } = useDashboard();
  const surveys = [{ value: '', label: t('allSurveys') }, ...me.surveys.map((s) => ({ value: String(s.id), label: s.name }))];
  return (
    <div class="filters" role="group" aria-label={t('filtersLabel')}>
      <RangePicker range={filters.range} onChange={(range) => onChange({ ...filters, range })} />
      <SelectField
        label={t('survey')}
        value={filters.surveyId === null ? '' : String(filters.surveyId)}
        options={surveys}
        onChange={(value) => onChange({ ...filters, surveyId: value ? Number(value) : null })}
      />
    </div>
  );
}
