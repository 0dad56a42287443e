import { h } from 'preact';

export interface ChartTableProps {
  caption: string;
  /** Column headers; the first names the row headers' column. */
  head: readonly string[];
  /** One row per bar or point: its name first, then its numbers, formatted. */
  rows: readonly (readonly string[])[];
}

/**
 * A chart's numbers as a table, visually hidden but read by screen readers
 * right after the chart. Hidden through a wrapper: a table ignores the 1px
 * box of `.sr-only`, and its rows would lengthen the page below the footer.
 */
export function ChartTable({ caption, head, rows }: ChartTableProps) {
  return (
    <div class="sr-only">
      <table class="chart-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {head.map((cell) => (
              <th key={cell} scope="col">
                {cell}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([name, ...cells], i) => (
            <tr key={i}>
              <th scope="row">{name}</th>
              {cells.map((cell, j) => (
                <td key={j}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
