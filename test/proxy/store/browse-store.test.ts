import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowseCursor, BrowseFilter } from '../../../src/proxy/store/browse-store';
import type { Store } from '../../../src/proxy/store/open-store';
import { responseFacts } from '../../../src/proxy/store/response-facts';
import type { StoredResponse } from '../../../src/shared/response-schema';
import { insertAll, SITES, STAFF, surveyOf, variedResponses } from './dashboard-fixtures';
import { storedResponse } from './store-fixtures';
import { openTestStore } from '../test-store';

const START = Date.parse('2026-03-01T00:00:00Z');
const responses = variedResponses(500, 42, START, 20);
let store: Store;
/** The store's integer id of each response, by UUID (ids follow insertion order). */
const idOf = new Map(responses.map((r, i) => [r.id, i + 1]));

beforeAll(async () => {
  store = await openTestStore();
  await insertAll(store, responses, 'UTC');
});
afterAll(() => store.close());

const ALL: BrowseFilter = { org: 'acme', from: '2026-01-01T00:00:00.000Z', to: '2026-12-31T23:59:59.999Z' };

/** The filter applied to the plain responses, newest first, ties by id: what every page must agree with. */
function expected(filter: BrowseFilter): number[] {
  const matches = responses.filter((r) => {
    const at = new Date(r.submitted_at).toISOString();
    if (r.org !== filter.org || at < filter.from || at > filter.to) return false;
    if (filter.surveyIds?.length && !filter.surveyIds.includes(r.survey_id)) return false;
    if (filter.segments?.some(({ key, value }) => r.segments[key] !== value)) return false;
    const { score, text } = filter;
    if (score && !responseFacts(r, surveyOf(r), 'UTC').scored.some((s) => s.scale === score.scale && s.value >= score.min && s.value <= score.max)) return false;
    return !text || responseFacts(r, surveyOf(r), 'UTC').searchText.includes(text.toLowerCase());
  });
  const key = (r: StoredResponse) => `${new Date(r.submitted_at).toISOString()} ${String(idOf.get(r.id)).padStart(6, '0')}`;
  return matches.sort((a, b) => key(b).localeCompare(key(a))).map((r) => idOf.get(r.id) as number);
}

/** Every page of `limit` rows, each after the last row of the one before. */
async function allPages(filter: BrowseFilter, limit: number): Promise<number[]> {
  const ids: number[] = [];
  let after: BrowseCursor | undefined;
  for (;;) {
    const rows = await store.browse.page(filter, limit, after);
    ids.push(...rows.map((r) => r.id));
    if (rows.length < limit) return ids;
    const last = rows[rows.length - 1]!;
    after = { submitted_utc: last.submitted_utc, id: last.id };
  }
}

describe('browse store', () => {
  it('lists newest first, breaking ties of submitted time by id, newest id first', async () => {
    const rows = await store.browse.page(ALL, 500);
    expect(rows.map((r) => r.id)).toEqual(expected(ALL));
    const ties = rows.filter((r, i) => i > 0 && rows[i - 1]!.submitted_utc === r.submitted_utc);
    expect(ties.length).toBeGreaterThan(10);
  });

  it('covers every row exactly once in keyset pages, ties included', async () => {
    const ids = await allPages(ALL, 7);
    expect(ids).toHaveLength(500);
    expect(ids).toEqual(expected(ALL));
  });

  it('includes both edges of the period', async () => {
    const sorted = [...responses].sort((a, b) => a.submitted_at.localeCompare(b.submitted_at));
    const from = sorted[100]!.submitted_at;
    const to = sorted[300]!.submitted_at;
    const filter = { ...ALL, from, to };
    expect(await allPages(filter, 9)).toEqual(expected(filter));
    expect(expected(filter)).toContain(idOf.get(sorted[100]!.id));
    expect(expected(filter)).toContain(idOf.get(sorted[300]!.id));
  });

  const filters: [string, Partial<BrowseFilter>][] = [
    ['one survey', { surveyIds: [20] }],
    ['both surveys', { surveyIds: [10, 20] }],
    ['one segment', { segments: [{ key: 'site_code', value: 'leeds' }] }],
    ['a custom segment', { segments: [{ key: 'region', value: 'North' }] }],
    ['two segments', { segments: [{ key: 'site_code', value: SITES[0]! }, { key: 'staff_code', value: STAFF[1]! }] }],
    ['three segments and a survey', { surveyIds: [10], segments: [{ key: 'site_code', value: 'york' }, { key: 'staff_code', value: 'ben' }, { key: 'region', value: 'South' }] }],
    ['an NPS range', { score: { scale: 'nps', min: 0, max: 6 } }],
    ['a CSAT range', { score: { scale: 'csat', min: 4, max: 5 } }],
    ['a segment and a score', { segments: [{ key: 'site_code', value: 'online' }], score: { scale: 'nps', min: 9, max: 10 } }],
    ['text, case-insensitively', { text: 'GREAT staff' }],
    ['text with a literal %', { text: '50% off' }],
    ['a lone %, which matches only a %', { text: '%' }],
    ['text with a literal _', { text: 'under_score' }],
    ['a lone _, which matches only a _', { text: '_' }],
    ['a backslash', { text: 'k\\s' }],
    ['accented text', { text: 'CRÈME' }],
    ['a reference', { text: 'inv-4' }],
    ['a machine id', { text: 'm_1' }],
    ['a customer name', { text: 'customer 12' }],
    ['a checkbox choice', { text: 'hats' }],
    ['everything at once', { surveyIds: [10], segments: [{ key: 'site_code', value: 'leeds' }], score: { scale: 'csat', min: 1, max: 3 }, text: 'a' }],
    ['a period of one day', { from: '2026-03-05T00:00:00.000Z', to: '2026-03-05T23:59:59.999Z' }],
    ['nothing', { segments: [{ key: 'site_code', value: 'atlantis' }] }],
  ];
  it.each(filters)('filters by %s exactly as a row-by-row check would', async (_name, narrowing) => {
    const filter = { ...ALL, ...narrowing };
    const want = expected(filter);
    expect(await allPages(filter, 7)).toEqual(want);
    // A filter that matched nothing by accident would prove nothing; only the last case is meant to.
    if (!('segments' in narrowing && narrowing.segments?.[0]?.value === 'atlantis')) expect(want.length).toBeGreaterThan(0);
  });

  it('does not treat a %, _ or \\ typed in a search as a wildcard', async () => {
    expect(expected({ ...ALL, text: '%' }).length).toBeLessThan(expected({ ...ALL, text: '' }).length);
    expect(await store.browse.page({ ...ALL, text: '5_%' }, 500)).toEqual([]);
  });

  it('yields every match in order from each(), fetching in chunks', async () => {
    const filter = { ...ALL, segments: [{ key: 'staff_code', value: 'luke' }] };
    const ids: number[] = [];
    for await (const row of store.browse.each(filter, 7)) ids.push(row.id);
    expect(ids).toEqual(expected(filter));
  });

  it('never returns the search text with a row', async () => {
    const [row] = await store.browse.page(ALL, 1);
    expect(row).not.toHaveProperty('search_text');
  });

  it('gives the org’s last id and the responses stored after an id, oldest first', async () => {
    const own = await openTestStore();
    try {
      expect(await own.browse.lastId('acme')).toBe(0);
      await insertAll(own, responses.slice(0, 30), 'UTC');
      await insertAll(own, [storedResponse({ org: 'other', id: 'ffffffff-0000-4000-8000-000000000001' })], 'UTC');
      await insertAll(own, responses.slice(30, 40), 'UTC');
      expect(await own.browse.lastId('acme')).toBe(41);
      expect(await own.browse.lastId('other')).toBe(31);
      expect((await own.browse.newerThan('acme', 28, 5)).map((r) => r.id)).toEqual([29, 30, 32, 33, 34]);
      expect(await own.browse.newerThan('acme', 41, 5)).toEqual([]);
    } finally {
      await own.close();
    }
  });
});
