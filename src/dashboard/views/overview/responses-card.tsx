import { h } from 'preact';
import type { OverviewJson } from '../../../shared/dashboard/dashboard-replies';
import { Sparkline } from '../../charts/sparkline';
import { Card } from '../../components/card';
import { ChangeNote } from '../../components/change-note';
import { EmptyState } from '../../components/empty-state';
import { useDashboard } from '../../state/dashboard-context';

export interface ResponsesCardProps {
  responses: OverviewJson['responses'];
  /** The trend's periods: their counts draw the card's sparkline. */
  points: OverviewJson['trend']['points'];
}

/** How many responses came in, against the period before, and their shape over the period. */
export function ResponsesCard({ responses, points }: ResponsesCardProps) {
  const { t, fmt } = useDashboard();
  return (
    <Card title={t('responsesCard')}>
      <div class="card-body">
        <p class="big num">{fmt.number(responses.count)}</p>
        <ChangeNote current={responses.count} previous={responses.previous} formatValue={fmt.number} />
        {responses.count === 0 ? <EmptyState text={t('noResponses')} /> : <Sparkline values={points.map((p) => p.responses)} />}
      </div>
    </Card>
  );
}
