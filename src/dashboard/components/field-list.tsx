import { h } from 'preact';
import type { ComponentChildren } from 'preact';

export interface FieldListProps {
  /** Name and value pairs, shown in order; nulls and empty strings are left out. */
  entries: readonly (readonly [string, ComponentChildren])[];
  /** Said when nothing is left to show. */
  empty: string;
  /** The names are keys as the data carries them (`site_code`), not words: set in code type. */
  keys?: boolean;
}

/** A description list of one record's fields. */
export function FieldList({ entries, empty, keys }: FieldListProps) {
  const shown = entries.filter(([, value]) => value !== null && value !== undefined && value !== '');
  if (shown.length === 0) return <p class="empty">{empty}</p>;
  return (
    <dl class={keys ? 'fields keys' : 'fields'}>
      {shown.map(([name, value], i) => (
        <div key={i}>
          <dt>{name}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
