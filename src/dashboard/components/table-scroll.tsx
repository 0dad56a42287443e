import { h } from 'preact';
import type { ComponentChildren } from 'preact';

/**
 * A wide table's scroller: on a phone the table scrolls sideways inside its
 * card instead of widening the page. Focusable and named, so keyboard users
 * can scroll it too (axe: scrollable-region-focusable).
 */
export function TableScroll({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
