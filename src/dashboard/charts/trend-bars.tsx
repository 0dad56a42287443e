import { h } from 'preact';
import type { TrendBucket } from '../../shared/dashboard/dashboard-query';
import type { TrendPointJson } from '../../shared/dashboard/dashboard-replies';
import { bucketLabel } from '../format/bucket-label';
import { useDashboard } from '../state/dashboard-context';
import { barLayout } from './bar-layout';
import { ChartSvg } from './chart-svg';
import { ChartTable } from './chart-table';
import { linearScale } from './linear-scale';
import { niceTicks } from './nice-ticks';
import { XAxis } from './x-axis';
import { YAxis } from './y-axis';

export const TREND_WIDTH = 1000;
const HEIGHT = 100;

/** Responses per day, week or month, as columns on a whole-number axis. */
export function TrendBars({ points, bucket }: { points: readonly TrendPointJson[]; bucket: TrendBucket }) {
  const { t, fmt } = useDashboard();
  const counts = points.map((p) => p.responses);
  const ticks = niceTicks(0, Math.max(1, ...counts), 4, true);
  const y = linearScale([0, ticks[ticks.length - 1]!], [HEIGHT, 0]);
  const slots = barLayout(points.length, 0, TREND_WIDTH, points.length > 40 ? 0.1 : 0.25);
  const labels = points.map((p) => bucketLabel(p, bucket, fmt));
  const first = labels[0] ?? '';
  const last = labels[labels.length - 1] ?? '';
  return (
    <div class="trend">
      <div class="plot">
        <YAxis labels={ticks.map(fmt.number)} />
        <ChartSvg
          title={t('trendResponsesTitle')}
          desc={t('trendResponsesDesc', { first, last, total: fmt.number(counts.reduce((a, b) => a + b, 0)), max: fmt.number(Math.max(0, ...counts)) })}
          viewBox={`0 0 ${TREND_WIDTH} ${HEIGHT}`}
        >
          {ticks.map((tick) => (
            <line key={tick} class="grid" x1={0} x2={TREND_WIDTH} y1={y(tick)} y2={y(tick)} />
          ))}
          {points.map((point, i) => (
            <rect key={point.first} class="brand" x={slots[i]!.x} width={slots[i]!.width} y={y(point.responses)} height={HEIGHT - y(point.responses)} />
          ))}
        </ChartSvg>
        <XAxis first={first} last={last} />
      </div>
      <ChartTable caption={t('trendResponsesTitle')} head={[t('colPeriod'), t('colResponses')]} rows={points.map((p, i) => [labels[i]!, fmt.number(p.responses)])} />
    </div>
  );
}
