import { h } from 'preact';
import type { SortDirection } from '../state/sort-league-rows';

export interface SortHeaderProps {
  label: string;
  /** The column's direction when the table is sorted by it, else null. */
  direction: SortDirection | null;
  numeric?: boolean;
  onSort(): void;
}

/**
 * A column header that sorts: a button inside the th (so it is reachable and
 * named), aria-sort on the th itself, where screen readers look for it.
 */
export function SortHeader({ label, direction, numeric, onSort }: SortHeaderProps) {
  return (
    <th scope="col" class={numeric ? 'num' : undefined} aria-sort={direction ?? undefined}>
      <button type="button" class="sort" onClick={onSort}>
        {label}
        <span class="sort-icon" aria-hidden="true">
          {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕'}
        </span>
      </button>
    </th>
  );
}
