import { h } from 'preact';
import { npsBand } from '../../shared/metrics/nps';
import { useDashboard } from '../state/dashboard-context';
import { barLayout } from './bar-layout';
import { ChartSvg } from './chart-svg';
import { ChartTable } from './chart-table';

export interface DistributionChartProps {
  /** The rating `counts[0]` counts. */
  min: number;
  counts: readonly number[];
  /** NPS columns take their band's colour (and the table says which band). */
  scale: 'nps' | 'csat' | 'custom';
  /** Names the chart and its table, such as the question asked. */
  title: string;
}

const HEIGHT = 100;

/** How many answers gave each rating: one column per value, the values and counts in text beneath. */
export function DistributionChart({ min, counts, scale, title }: DistributionChartProps) {
  const { t, fmt } = useDashboard();
  const top = Math.max(1, ...counts);
  const values = counts.map((count, i) => ({ value: min + i, count }));
  const slots = barLayout(counts.length, 0, counts.length * 10, 0.3);
  const list = values.map(({ value, count }) => t('distributionItem', { value: fmt.number(value), count: fmt.number(count) })).join(', ');
  return (
    <div class="distribution">
      <ChartSvg
        class="columns"
        title={`${title}: ${t('distributionTitle')}`}
        desc={t('distributionDesc', { min: fmt.number(min), max: fmt.number(min + counts.length - 1), list })}
        viewBox={`0 0 ${counts.length * 10} ${HEIGHT}`}
      >
        {values.map(({ value, count }, i) => {
          const height = (count / top) * (HEIGHT - 4);
          const band = scale === 'nps' ? npsBand(value) : 'brand';
          return <rect key={value} class={band} x={slots[i]!.x} y={HEIGHT - height} width={slots[i]!.width} height={height} />;
        })}
        <line class="baseline" x1={0} x2={counts.length * 10} y1={HEIGHT} y2={HEIGHT} />
      </ChartSvg>
      <ol class="column-labels" aria-hidden="true">
        {values.map(({ value, count }) => (
          <li key={value}>
            <span class="value">{fmt.number(value)}</span>
            <span class="count">{fmt.number(count)}</span>
          </li>
        ))}
      </ol>
      <ChartTable caption={title} head={[t('colRating'), t('colAnswers')]} rows={values.map(({ value, count }) => [fmt.number(value), fmt.number(count)])} />
    </div>
  );
}
