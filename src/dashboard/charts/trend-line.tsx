import { h } from 'preact';
import type { TrendBucket } from '../../shared/dashboard/dashboard-query';
import type { TrendPointJson } from '../../shared/dashboard/dashboard-replies';
import { bucketLabel } from '../format/bucket-label';
import { useDashboard } from '../state/dashboard-context';
import { barLayout } from './bar-layout';
import { ChartSvg } from './chart-svg';
import { ChartTable } from './chart-table';
import { linearScale } from './linear-scale';
import { linePath } from './line-path';
import { TREND_WIDTH } from './trend-bars';
import { XAxis } from './x-axis';
import { YAxis } from './y-axis';

const HEIGHT = 100;
const NPS_TICKS = [-100, -50, 0, 50, 100];

/**
 * NPS per period on its own fixed -100..100 axis, under the responses chart
 * and on the same bands, so a dip lines up with the volume behind it. The
 * line breaks over periods without ratings; each period with a score gets a
 * dot, so a lone score still shows.
 */
export function TrendLine({ points, bucket }: { points: readonly TrendPointJson[]; bucket: TrendBucket }) {
  const { t, fmt } = useDashboard();
  const y = linearScale([-100, 100], [HEIGHT, 0]);
  const slots = barLayout(points.length, 0, TREND_WIDTH);
  const labels = points.map((p) => bucketLabel(p, bucket, fmt));
  const line = points.map((p, i) => (p.nps === null ? null : { x: slots[i]!.center, y: y(p.nps) }));
  const scores = points.flatMap((p) => (p.nps === null ? [] : [p.nps]));
  const first = labels[0] ?? '';
  const last = labels[labels.length - 1] ?? '';
  return (
    <div class="trend">
      <div class="plot">
        <YAxis labels={NPS_TICKS.map(fmt.signed)} />
        <ChartSvg
          title={t('trendNpsTitle')}
          desc={t('trendNpsDesc', {
            first,
            last,
            min: fmt.signed(Math.min(...scores)),
            max: fmt.signed(Math.max(...scores)),
            latest: fmt.signed(scores[scores.length - 1] ?? 0),
          })}
          viewBox={`0 0 ${TREND_WIDTH} ${HEIGHT}`}
        >
          {NPS_TICKS.map((tick) => (
            <line key={tick} class={tick === 0 ? 'grid zero' : 'grid'} x1={0} x2={TREND_WIDTH} y1={y(tick)} y2={y(tick)} />
          ))}
          <path class="line" d={linePath(line)} />
          {line.map((point, i) => point && <path key={i} class="dot" d={`M${point.x} ${point.y}h0`} />)}
        </ChartSvg>
        <XAxis first={first} last={last} />
      </div>
      <ChartTable
        caption={t('trendNpsTitle')}
        head={[t('colPeriod'), t('colNps'), t('colRatings')]}
        rows={points.map((p, i) => [labels[i]!, p.nps === null ? t('none') : fmt.signed(p.nps), fmt.number(p.nps_ratings)])}
      />
    </div>
  );
}
