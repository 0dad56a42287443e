import { h } from 'preact';
import { useState } from 'preact/hooks';
import { leagueQuery } from '../api/api-query';
import { Card } from '../components/card';
import { EmptyState } from '../components/empty-state';
import { FilterBar } from '../components/filter-bar';
import { LeagueTable } from '../components/league-table';
import { LoadState } from '../components/load-state';
import { NumberField } from '../components/number-field';
import { SelectField } from '../components/select-field';
import { dimensionLabel } from '../format/dimension-label';
import { DEFAULT_MIN_RESPONSES } from '../routing/route';
import type { LeagueRoute } from '../routing/route';
import { useDashboard } from '../state/dashboard-context';
import { DEFAULT_LEAGUE_SORT, nextLeagueSort } from '../state/sort-league-rows';
import { useResource } from '../state/use-resource';
import { ViewHeading } from './view-heading';

/** Sites, staff or any segment ranked side by side, members under the threshold left out. */
export function LeagueView({ route }: { route: LeagueRoute }) {
  const { t, tn, fmt, me, client, navigate } = useDashboard();
  const query = leagueQuery(route);
  const [league, , retry] = useResource(() => client.league(query), query.toString());
  const [sort, setSort] = useState(DEFAULT_LEAGUE_SORT);
  const known = me.dimensions.some((d) => d.key === route.dimension);
  // A dimension typed into the URL but not offered by /me still shows, under its key.
  const dimensions = known ? me.dimensions : [...me.dimensions, { key: route.dimension, kind: 'segment' as const, members: [] }];
  const current = dimensions.find((d) => d.key === route.dimension)!;
  const memberLabel = dimensionLabel(current, t);
  const caption = t('leagueCaption', { dimension: memberLabel });
  return (
    <div>
      <ViewHeading text={t('leagueTitle')} />
      <FilterBar filters={route.filters} onChange={(filters) => navigate({ ...route, filters })} />
      <div class="filters">
        <SelectField
          label={t('dimension')}
          value={route.dimension}
          options={dimensions.map((d) => ({ value: d.key, label: dimensionLabel(d, t) }))}
          onChange={(dimension) => navigate({ ...route, dimension })}
        />
        <NumberField
          label={t('minResponses')}
          value={route.minResponses}
          min={0}
          max={1_000_000}
          onChange={(value) => navigate({ ...route, minResponses: value ?? DEFAULT_MIN_RESPONSES })}
        />
      </div>
      {league.status !== 'ready' ? (
        <LoadState resource={league} onRetry={retry} />
      ) : (
        <Card title={caption} wide region={false}>
          {league.value.rows.length === 0 ? (
            <EmptyState text={t('leagueEmpty', { min: fmt.number(league.value.min_responses) })} />
          ) : (
            <LeagueTable rows={league.value.rows} sort={sort} onSort={(column) => setSort(nextLeagueSort(sort, column))} memberLabel={memberLabel} caption={caption} />
          )}
          {league.value.below_threshold > 0 && (
            <p class="muted">{tn('hiddenBelow', league.value.below_threshold, { min: fmt.number(league.value.min_responses) })}</p>
          )}
        </Card>
      )}
    </div>
  );
}
