import { h } from 'preact';

/** A sentence in place of a chart or table that would be empty ("No responses in this period"). */
export function EmptyState({ text }: { text: string }) {
  return <p class="empty">{text}</p>;
}
