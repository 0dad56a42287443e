import { h } from 'preact';
import type { OverviewJson } from '../../../shared/dashboard/dashboard-replies';
import { Sparkline } from '../../charts/sparkline';
import { Card } from '../../components/card';
import { ChangeNote } from '../../components/change-note';
import { EmptyState } from '../../components/empty-state';
import { bucketLabel } from '../../format/bucket-label';
import { useDashboard } from '../../state/dashboard-context';

export interface ResponsesCardProps {
  responses: OverviewJson['responses'];
  /** The trend's periods: their counts draw the card's sparkline. */
  trend: OverviewJson['trend'];
}

/** How many responses came in, against the period before, and their shape over the period. */
export function ResponsesCard({ responses, trend }: ResponsesCardProps) {
  const { t, fmt } = useDashboard();
  const { points, bucket } = trend;
  const first = points[0];
  const last = points[points.length - 1];
  return (
    <Card title={t('responsesCard')}>
      <div class="card-body">
        <p class="big num">{fmt.number(responses.count)}</p>
        <ChangeNote current={responses.count} previous={responses.previous} formatValue={fmt.number} />
        {responses.count === 0 || !first || !last ? (
          <EmptyState text={t('noResponses')} />
        ) : (
          <div class="spark-box" aria-hidden="true">
            <Sparkline values={points.map((p) => p.responses)} />
            <div class="x-axis">
              <span>{bucketLabel(first, bucket, fmt)}</span>
              {last !== first && <span>{bucketLabel(last, bucket, fmt)}</span>}
            </div>
          </div>
        )}
      </div>
    </Card>
  );
}
