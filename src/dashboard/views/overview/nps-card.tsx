import { h } from 'preact';
import type { OverviewJson } from '../../../shared/dashboard/dashboard-replies';
import { NpsBar } from '../../charts/nps-bar';
import { Card } from '../../components/card';
import { ChangeNote } from '../../components/change-note';
import { EmptyState } from '../../components/empty-state';
import { useDashboard } from '../../state/dashboard-context';

/** The Net Promoter Score, its change, and the three bands behind it. */
export function NpsCard({ nps }: { nps: OverviewJson['nps'] }) {
  const { t, tn, fmt } = useDashboard();
  const score = nps.net_promoter_score;
  return (
    <Card title={t('npsCard')}>
      {score === null ? (
        <EmptyState text={t('noRatings')} />
      ) : (
        <div class="card-body">
          <p class="big num">{fmt.signed(score)}</p>
          <p class="muted">{tn('ratings', nps.total_number_of_ratings)}</p>
          <ChangeNote current={score} previous={nps.previous_score} formatValue={fmt.signed} />
          <NpsBar nps={nps} />
        </div>
      )}
    </Card>
  );
}
