import { h } from 'preact';
import type { ComponentChildren } from 'preact';

export interface FieldListProps {
  /** Name and value pairs, shown in order; nulls and empty strings are left out. */
  entries: readonly (readonly [string, ComponentChildren])[];
  /** Said when nothing is left to show. */
  empty: string;
}

/** A description list of one record's fields. */
export function FieldList({ entries, empty }: FieldListProps) {
  const shown = entries.filter(([, value]) => value !== null && value !== undefined && value !== '');
  if (shown.length === 0) return <p class="empty">{empty}</p>;
  return (
    <dl class="fields">
      {shown.map(([name, value], i) => (
        <div key={i}>
          <dt>{name}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
