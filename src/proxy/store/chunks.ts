// Rows per statement: well under SQLite's 32,766 bound parameters (and PostgreSQL's 65,535)
// for the widest table written in bulk, `responses` (26 columns: 13,000 parameters).
const ROWS_PER_STATEMENT = 500;

/**
 * `rows` in slices small enough for one multi-row statement each.
 *
 * @example
 * for (const slice of chunks(rows)) await trx.insertInto('ratings').values(slice).execute();
 */
export function* chunks<T>(rows: readonly T[], size = ROWS_PER_STATEMENT): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}
