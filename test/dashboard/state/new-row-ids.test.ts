import { describe, expect, it } from 'vitest';
import { markNewRows, newRowIds, NO_MARKS } from '../../../src/dashboard/state/new-row-ids';

describe('newRowIds', () => {
  it('marks rows the reader has not been shown', () => expect(newRowIds([{ id: 9 }, { id: 8 }, { id: 7 }], new Set([8, 7]))).toEqual(new Set([9])));
  it('marks nothing when every row was shown before', () => expect(newRowIds([{ id: 8 }], new Set([8, 7]))).toEqual(new Set()));
});

describe('markNewRows', () => {
  it('marks rows a live refresh brought, keeping earlier marks', () => {
    const first = markNewRows(NO_MARKS, [{ id: 2 }, { id: 1 }], false);
    const second = markNewRows(first, [{ id: 3 }, { id: 2 }, { id: 1 }], true);
    const third = markNewRows(second, [{ id: 4 }, { id: 3 }, { id: 2 }], true);
    expect(first.fresh).toEqual(new Set());
    expect(second.fresh).toEqual(new Set([3]));
    expect(third.fresh).toEqual(new Set([3, 4]));
  });
  it('clears the marks when the list loads for another reason (filters, paging)', () =>
    expect(markNewRows({ fresh: new Set([3]), shown: new Set([3, 2]) }, [{ id: 9 }], false)).toEqual({ fresh: new Set(), shown: new Set([9]) }));
});
