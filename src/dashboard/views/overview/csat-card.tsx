import { h } from 'preact';
import type { OverviewJson } from '../../../shared/dashboard/dashboard-replies';
import { DistributionChart } from '../../charts/distribution-chart';
import { Card } from '../../components/card';
import { ChangeNote } from '../../components/change-note';
import { EmptyState } from '../../components/empty-state';
import { useDashboard } from '../../state/dashboard-context';

/** The CSAT percent (4s and 5s), its change, and the 1-5 answers behind it. */
export function CsatCard({ csat }: { csat: OverviewJson['csat'] }) {
  const { t, tn, fmt } = useDashboard();
  const counts = [csat.very_negative_count, csat.negative_count, csat.neutral_count, csat.positive_count, csat.very_positive_count];
  return (
    <Card title={t('csatCard')}>
      {csat.csat === null ? (
        <EmptyState text={t('noRatings')} />
      ) : (
        <div class="card-body">
          <p class="big num">{fmt.percent(csat.csat)}</p>
          <p class="muted">{tn('ratings', csat.total_number_of_ratings)}</p>
          <ChangeNote current={csat.csat} previous={csat.previous_score} formatValue={fmt.percent} />
          <DistributionChart min={1} counts={counts} scale="csat" title={t('csatCard')} />
        </div>
      )}
    </Card>
  );
}
