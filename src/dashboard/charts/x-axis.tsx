import { h } from 'preact';

/** The first and last period under a time chart; the table after the chart names every one. */
export function XAxis({ first, last }: { first: string; last: string }) {
  return (
    <div class="x-axis" aria-hidden="true">
      <span>{first}</span>
      {last !== first && <span>{last}</span>}
    </div>
  );
}
