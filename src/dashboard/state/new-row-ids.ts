/**
 * The rows of a refreshed page that the reader has not seen before, to mark
 * as new. Rows that were shown and have only moved down are not new.
 *
 * @example
 * newRowIds([{ id: 9 }, { id: 8 }, { id: 7 }], new Set([8, 7])) // Set { 9 }
 */
export function newRowIds(items: readonly { id: number }[], shown: ReadonlySet<number>): Set<number> {
  return new Set(items.filter((item) => !shown.has(item.id)).map((item) => item.id));
}

/** Which rows of a list are marked new, and every row shown so far. */
export interface RowMarks {
  fresh: ReadonlySet<number>;
  shown: ReadonlySet<number>;
}

export const NO_MARKS: RowMarks = { fresh: new Set(), shown: new Set() };

/**
 * The marks after a list arrives. A live refresh adds the rows not shown
 * before to the ones already marked; any other load (new filters, another
 * page) starts over with nothing marked.
 *
 * @example
 * markNewRows({ fresh: new Set(), shown: new Set([2, 1]) }, [{ id: 3 }, { id: 2 }, { id: 1 }], true)
 * // { fresh: Set { 3 }, shown: Set { 2, 1, 3 } }
 */
export function markNewRows(marks: RowMarks, items: readonly { id: number }[], live: boolean): RowMarks {
  const ids = items.map((item) => item.id);
  if (!live) return { fresh: new Set(), shown: new Set(ids) };
  return { fresh: new Set([...marks.fresh, ...newRowIds(items, marks.shown)]), shown: new Set([...marks.shown, ...ids]) };
}
