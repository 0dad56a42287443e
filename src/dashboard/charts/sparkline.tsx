import { h } from 'preact';
import { barLayout } from './bar-layout';
import { linearScale } from './linear-scale';

const HEIGHT = 40;

/**
 * Tiny columns under a headline number, for the shape of it at a glance.
 * Hidden from screen readers: the trend card's chart and table say the same
 * in full, so here it would only be read twice.
 */
export function Sparkline({ values }: { values: readonly number[] }) {
  const width = Math.max(1, values.length) * 10;
  const y = linearScale([0, Math.max(1, ...values)], [HEIGHT, 0]);
  const slots = barLayout(values.length, 0, width, values.length > 40 ? 0.15 : 0.3);
  return (
    <svg class="chart spark" viewBox={`0 0 ${width} ${HEIGHT}`} preserveAspectRatio="none" aria-hidden="true" focusable="false">
      {values.map((value, i) => (
        <rect key={i} class="brand" x={slots[i]!.x} width={slots[i]!.width} y={y(value)} height={HEIGHT - y(value)} />
      ))}
      <line class="baseline" x1={0} x2={width} y1={HEIGHT} y2={HEIGHT} />
    </svg>
  );
}
