import { h } from 'preact';
import type { NpsResult } from '../../shared/metrics/nps';
import { share } from '../format/share';
import { useDashboard } from '../state/dashboard-context';
import { ChartSvg } from './chart-svg';
import { ChartTable } from './chart-table';

/**
 * Detractors, passives and promoters as one stacked bar, each band named in
 * the legend with its count and share (never told by colour alone).
 */
export function NpsBar({ nps }: { nps: NpsResult }) {
  const { t, fmt } = useDashboard();
  const total = nps.total_number_of_ratings;
  const bands = [
    { band: 'detractor', label: t('detractors'), count: nps.detractor_count },
    { band: 'passive', label: t('passives'), count: nps.passive_count },
    { band: 'promoter', label: t('promoters'), count: nps.promoter_count },
  ].map((b) => ({ ...b, percent: share(b.count, total) }));
  const [detractors, passives, promoters] = bands.map((b) => fmt.percent(b.percent));
  let x = 0;
  return (
    <div class="nps-bar">
      <ChartSvg
        class="strip"
        title={t('npsBandsTitle')}
        desc={t('npsDesc', { score: fmt.signed(nps.net_promoter_score ?? 0), promoters: promoters!, passives: passives!, detractors: detractors! })}
        viewBox="0 0 100 10"
      >
        {bands.map(({ band, count }) => {
          const width = total > 0 ? (count / total) * 100 : 0;
          const rect = <rect key={band} class={band} x={x} y={0} width={width} height={10} />;
          x += width;
          return rect;
        })}
      </ChartSvg>
      <ul class="legend" aria-hidden="true">
        {bands.map(({ band, label, count, percent }) => (
          <li key={band}>
            <span class={`swatch ${band}`} />
            <span class="legend-label">{label}</span>
            <span class="num">
              {fmt.number(count)} ({fmt.percent(percent)})
            </span>
          </li>
        ))}
      </ul>
      <ChartTable
        caption={t('npsBandsTitle')}
        head={[t('colBand'), t('colCount'), t('colShare')]}
        rows={bands.map((b) => [b.label, fmt.number(b.count), fmt.percent(b.percent)])}
      />
    </div>
  );
}
