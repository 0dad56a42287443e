import { h } from 'preact';
import type { OverviewJson } from '../../../shared/dashboard/dashboard-replies';
import { TrendBars } from '../../charts/trend-bars';
import { TrendLine } from '../../charts/trend-line';
import { Card } from '../../components/card';
import { EmptyState } from '../../components/empty-state';
import { formatRoute, TREND_BUCKETS } from '../../routing/route';
import type { OverviewRoute } from '../../routing/route';
import type { DashboardStringKey } from '../../i18n/en';
import { useDashboard } from '../../state/dashboard-context';

const BUCKET_LABELS: Record<OverviewRoute['bucket'], DashboardStringKey> = { day: 'bucketDay', week: 'bucketWeek', month: 'bucketMonth' };

/**
 * Responses and NPS over time, as two charts on the same bands rather than
 * one chart with two axes, which reads as a correlation whatever the data.
 * The day/week/month switch is three links, so each grouping has a URL.
 */
export function TrendCard({ trend, route }: { trend: OverviewJson['trend']; route: OverviewRoute }) {
  const { t } = useDashboard();
  const empty = trend.points.every((p) => p.responses === 0);
  const anyNps = trend.points.some((p) => p.nps !== null);
  return (
    <Card title={t('trendTitle')} wide>
      <div class="segmented" role="group" aria-label={t('bucketLabel')}>
        {TREND_BUCKETS.map((bucket) => (
          <a key={bucket} href={formatRoute({ ...route, bucket })} aria-current={bucket === route.bucket ? 'true' : undefined}>
            {t(BUCKET_LABELS[bucket])}
          </a>
        ))}
      </div>
      {empty ? (
        <EmptyState text={t('noResponses')} />
      ) : (
        <div class="trends">
          <h3>{t('trendResponsesTitle')}</h3>
          <TrendBars points={trend.points} bucket={trend.bucket} />
          <h3>{t('trendNpsTitle')}</h3>
          {anyNps ? <TrendLine points={trend.points} bucket={trend.bucket} /> : <EmptyState text={t('noRatings')} />}
        </div>
      )}
    </Card>
  );
}
