import { h } from 'preact';
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

/*
 * Why no chart library: d3-scale and d3-shape would cost about 15 KB gzip of
 * the dashboard's 60 KB budget for a linear scale, nice ticks and a polyline,
 * which are about 60 lines here (linear-scale.ts, nice-ticks.ts, bar-layout.ts,
 * line-path.ts), each tested on plain numbers.
 *
 * How the charts are drawn: the SVG holds only shapes, in a viewBox stretched
 * to its box (preserveAspectRatio="none", strokes non-scaling in CSS), so it
 * fills any width from a phone to a desktop. The words and numbers around it
 * are HTML laid out on the same equal bands (an axis column, a grid of
 * labels), so text keeps its size and the theme's colours at every width.
 */

export interface ChartSvgProps {
  /** Read first: what the chart is. */
  title: string;
  /** A sentence with the key numbers, read after the title. */
  desc: string;
  viewBox: string;
  class?: string;
  children: ComponentChildren;
}

/** A chart's SVG: an image named by its title and described by its numbers. */
export function ChartSvg({ title, desc, viewBox, class: extra, children }: ChartSvgProps) {
  const id = useId();
  return (
    <svg class={extra ? `chart ${extra}` : 'chart'} viewBox={viewBox} preserveAspectRatio="none" role="img" aria-labelledby={`${id}t ${id}d`}>
      <title id={`${id}t`}>{title}</title>
      <desc id={`${id}d`}>{desc}</desc>
      {children}
    </svg>
  );
}
