import { h } from 'preact';
import { useEffect, useId, useState } from 'preact/hooks';
import type { DimensionJson } from '../../shared/dashboard/dashboard-replies';
import type { ListFilters, SegmentFilter } from '../routing/filters';
import { useDashboard } from '../state/dashboard-context';
import { NumberField } from './number-field';
import { SelectField } from './select-field';

export interface ResponseFiltersProps {
  list: ListFilters;
  onChange(list: ListFilters): void;
}

const SCALE_RANGE = { nps: [0, 10], csat: [1, 5] } as const;

function members(dimension: DimensionJson | undefined, anyLabel: string) {
  return [{ value: '', label: anyLabel }, ...(dimension?.members ?? []).map((m) => ({ value: m.value, label: m.label }))];
}

/**
 * Site, staff member, one custom segment, a score range and a text search.
 * Selects apply at once; the search applies on Enter or its button, so a
 * half-typed word never fetches.
 */
export function ResponseFilters({ list, onChange }: ResponseFiltersProps) {
  const { t, me } = useDashboard();
  const searchId = useId();
  const site = me.dimensions.find((d) => d.kind === 'site');
  const staff = me.dimensions.find((d) => d.kind === 'staff');
  const custom = me.dimensions.filter((d) => d.kind === 'segment');
  const valueOf = (key: string | undefined) => list.segments.find((s) => s.key === key)?.value ?? '';
  const customFilter = list.segments.find((s) => s.key !== site?.key && s.key !== staff?.key);
  // The segment key alone filters nothing, so it is held here until a value is chosen.
  const [customKey, setCustomKey] = useState(customFilter?.key ?? '');
  const [q, setQ] = useState(list.q);
  useEffect(() => setQ(list.q), [list.q]);
  useEffect(() => setCustomKey(customFilter?.key ?? ''), [customFilter?.key]);

  const withSegments = (siteValue: string, staffValue: string, customSegment: SegmentFilter | null) => {
    const segments: SegmentFilter[] = [];
    if (site && siteValue) segments.push({ key: site.key, value: siteValue });
    if (staff && staffValue) segments.push({ key: staff.key, value: staffValue });
    if (customSegment) segments.push(customSegment);
    onChange({ ...list, segments });
  };
  const scale = list.scoreScale;
  const [low, high] = scale ? SCALE_RANGE[scale] : [0, 10];
  return (
    <div class="filters list-filters" role="group" aria-label={t('filtersLabel')}>
      {site && (
        <SelectField label={t('filterSite')} value={valueOf(site.key)} options={members(site, t('allSites'))} onChange={(v) => withSegments(v, valueOf(staff?.key), customFilter ?? null)} />
      )}
      {staff && (
        <SelectField label={t('filterStaff')} value={valueOf(staff.key)} options={members(staff, t('allStaff'))} onChange={(v) => withSegments(valueOf(site?.key), v, customFilter ?? null)} />
      )}
      {custom.length > 0 && (
        <SelectField
          label={t('segmentKey')}
          value={customKey}
          options={[{ value: '', label: t('anySegment') }, ...custom.map((d) => ({ value: d.key, label: d.key }))]}
          onChange={(key) => {
            setCustomKey(key);
            if (customFilter) withSegments(valueOf(site?.key), valueOf(staff?.key), null);
          }}
        />
      )}
      {custom.length > 0 && (
        <SelectField
          label={t('segmentValue')}
          value={customFilter?.value ?? ''}
          disabled={!customKey}
          options={members(custom.find((d) => d.key === customKey), t('anyValue'))}
          onChange={(value) => withSegments(valueOf(site?.key), valueOf(staff?.key), value ? { key: customKey, value } : null)}
        />
      )}
      <SelectField
        label={t('scoreScale')}
        value={scale ?? ''}
        options={[
          { value: '', label: t('anyScore') },
          { value: 'nps', label: t('scaleNps') },
          { value: 'csat', label: t('scaleCsat') },
        ]}
        onChange={(value) => onChange({ ...list, scoreScale: value === 'nps' || value === 'csat' ? value : null, scoreMin: null, scoreMax: null })}
      />
      <NumberField label={t('scoreMin')} value={list.scoreMin} min={low} max={high} disabled={!scale} onChange={(scoreMin) => onChange({ ...list, scoreMin })} />
      <NumberField label={t('scoreMax')} value={list.scoreMax} min={low} max={high} disabled={!scale} onChange={(scoreMax) => onChange({ ...list, scoreMax })} />
      <form
        class="search"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          onChange({ ...list, q: q.trim() });
        }}
      >
        <div class="field grow">
          <label class="label" for={searchId}>
            {t('searchLabel')}
          </label>
          <input id={searchId} class="input" type="search" maxLength={200} value={q} onInput={(e) => setQ(e.currentTarget.value)} />
        </div>
        <button class="primary" type="submit">
          {t('searchButton')}
        </button>
      </form>
    </div>
  );
}
