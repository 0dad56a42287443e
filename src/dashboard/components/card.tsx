import { h } from 'preact';
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

export interface CardProps {
  title: string;
  /** A line under the title, such as the survey a question belongs to. */
  subtitle?: string;
  /** Spans the whole row of the grid (charts over time, tables). */
  wide?: boolean;
  /** Two columns of the grid on a wide screen: a record with many fields. */
  double?: boolean;
  /**
   * False for a card around a table: the table's own scroller is the named
   * region there, and two landmarks with one name would only repeat themselves.
   */
  region?: boolean;
  children: ComponentChildren;
}

/** A titled card of the overview grid; a named region, so screen readers can jump between cards. */
export function Card({ title, subtitle, wide, double, region = true, children }: CardProps) {
  const id = useId();
  const body = [<h2 id={id}>{title}</h2>, subtitle && <p class="subtitle">{subtitle}</p>, children];
  const className = wide ? 'card wide' : double ? 'card double' : 'card';
  return region ? (
    <section class={className} aria-labelledby={id}>
      {body}
    </section>
  ) : (
    <div class={className}>{body}</div>
  );
}
