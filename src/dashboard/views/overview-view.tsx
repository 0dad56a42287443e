import { h } from 'preact';
import { overviewQuery } from '../api/api-query';
import { FilterBar } from '../components/filter-bar';
import { LoadState } from '../components/load-state';
import type { OverviewRoute } from '../routing/route';
import { useDashboard } from '../state/dashboard-context';
import { useLiveRefresh } from '../state/use-live-refresh';
import { useResource } from '../state/use-resource';
import { CsatCard } from './overview/csat-card';
import { NpsCard } from './overview/nps-card';
import { ResponsesCard } from './overview/responses-card';
import { ScoreCard } from './overview/score-card';
import { TrendCard } from './overview/trend-card';
import { ViewHeading } from './view-heading';

/** Live updates wait this long after the last new response: the overview is a summary, not a feed. */
export const OVERVIEW_REFRESH_MS = 2000;

/** The Monday-morning page: volume, NPS, CSAT, every rating question, and the trend. */
export function OverviewView({ route }: { route: OverviewRoute }) {
  const { t, fmt, me, client, navigate } = useDashboard();
  const query = overviewQuery(route);
  const [overview, refresh, retry] = useResource(() => client.overview(query), query.toString());
  useLiveRefresh(refresh, OVERVIEW_REFRESH_MS);
  const surveyName = (id: number) => (route.filters.surveyId === null ? me.surveys.find((s) => s.id === id)?.name : undefined);
  return (
    <div>
      <ViewHeading text={t('overviewTitle')} />
      <FilterBar filters={route.filters} onChange={(filters) => navigate({ ...route, filters })} />
      {overview.status !== 'ready' ? (
        <LoadState resource={overview} onRetry={retry} />
      ) : (
        <div>
          <p class="subtitle">
            {t('rangeCompared', {
              range: fmt.dateRange(overview.value.range.first, overview.value.range.last),
              previous: fmt.dateRange(overview.value.previous.first, overview.value.previous.last),
            })}
          </p>
          <div class="cards overview-cards">
            <ResponsesCard responses={overview.value.responses} trend={overview.value.trend} />
            <NpsCard nps={overview.value.nps} />
            <CsatCard csat={overview.value.csat} />
            <TrendCard trend={overview.value.trend} route={route} />
            {overview.value.scores.map((score) => (
              <ScoreCard key={`${score.survey_id}-${score.question_id}`} score={score} surveyName={surveyName(score.survey_id)} />
            ))}
          </div>
        </div>
      )}
    </div>
  );
}
