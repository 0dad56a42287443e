/** One line of the report: texts already formatted. */
export type TableRow = readonly string[];

/**
 * Lays rows out in columns: the first left-aligned, the rest right-aligned
 * (numbers line up on their decimal point when they share a precision).
 *
 * @example
 * formatTable([['endpoint', 'p50'], ['GET /a', '1.20'], ['GET /bb', '12.00']])
 * // endpoint     p50
 * // GET /a      1.20
 * // GET /bb    12.00
 */
export function formatTable(rows: readonly TableRow[]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows
    .map((row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('   ').trimEnd())
    .join('\n');
}
