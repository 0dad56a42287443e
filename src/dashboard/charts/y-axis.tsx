import { h } from 'preact';

/**
 * Tick labels beside a plot, highest first. The ticks are evenly spaced from
 * the domain's bottom to its top, so spacing the labels evenly down the plot's
 * height (flex, space-between) puts each one on its gridline.
 */
export function YAxis({ labels }: { labels: readonly string[] }) {
  return (
    <div class="y-axis" aria-hidden="true">
      {[...labels].reverse().map((label, i) => (
        <span key={i}>{label}</span>
      ))}
    </div>
  );
}
