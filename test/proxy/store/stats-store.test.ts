import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Migrator } from 'kysely';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../src/proxy/store/migrations/index';
import { openSqlite } from '../../../src/proxy/store/open-database';
import { openStore, type Store } from '../../../src/proxy/store/open-store';
import { responseFacts } from '../../../src/proxy/store/response-facts';
import { responseRow } from '../../../src/proxy/store/response-rows';
import type { StatTotals } from '../../../src/proxy/store/stats-store';
import type { StoredResponse } from '../../../src/shared/response-schema';
import { createOrgSettings } from '../../../src/proxy/org-settings/org-settings';
import { postResponse, tempDir, testApp, validPayload } from '../fixtures';
import { seededRandom } from '../../../scripts/bench/seeded-random';
import { dayIn, insertAll, ORDER_SURVEY, surveyOf, variedResponses } from './dashboard-fixtures';
import { storedResponse } from './store-fixtures';
import { closeStoresAfterEach, openTestStore } from '../test-store';

const track = closeStoresAfterEach();

const WHOLE = { first: '2000-01-01', last: '2099-12-31' };

/** What a response adds, counted here from its answers and survey, independently of the store. */
function totalsOf(responses: readonly StoredResponse[]): StatTotals {
  const totals: StatTotals = { responses: 0, promoters: 0, passives: 0, detractors: 0, csat: [0, 0, 0, 0, 0] };
  for (const r of responses) {
    totals.responses += 1;
    const questions = new Map(surveyOf(r)?.questions.map((q) => [q.id, q]));
    for (const { question_id, answer } of r.answers) {
      const q = questions.get(question_id);
      if (q?.answer_type !== 'Rating' || typeof answer !== 'number') continue;
      if (q.scale === 'nps') {
        if (answer >= 9) totals.promoters += 1;
        else if (answer >= 7) totals.passives += 1;
        else totals.detractors += 1;
      } else if (q.scale === 'csat') {
        totals.csat[answer - 1] = (totals.csat[answer - 1] ?? 0) + 1;
      }
    }
  }
  return totals;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string | undefined): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k !== undefined) groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return groups;
}

function expectedDaily(responses: readonly StoredResponse[], zone: string) {
  return [...groupBy(responses, (r) => dayIn(r, zone))].sort(([a], [b]) => a.localeCompare(b)).map(([day, rs]) => ({ day, totals: totalsOf(rs) }));
}

function expectedLeague(responses: readonly StoredResponse[], dim: string) {
  return [...groupBy(responses, (r) => r.segments[dim])].sort(([a], [b]) => a.localeCompare(b)).map(([member, rs]) => ({ member, totals: totalsOf(rs) }));
}

function expectedScores(responses: readonly StoredResponse[]) {
  const counts = new Map<string, number>();
  for (const r of responses) {
    const questions = new Map(surveyOf(r)?.questions.map((q) => [q.id, q]));
    for (const { question_id, answer } of r.answers) {
      if (questions.get(question_id)?.answer_type === 'Rating') {
        const key = JSON.stringify([r.survey_id, question_id, answer]);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
  }
  return [...counts]
    .map(([key, n]) => {
      const [survey_id, question_id, value] = JSON.parse(key) as number[];
      return { survey_id, question_id, value, n };
    })
    .sort((a, b) => a.survey_id! - b.survey_id! || a.question_id! - b.question_id! || a.value! - b.value!);
}

describe('stats store', () => {
  it('rolls up exactly what the responses hold: per day, NPS bands, CSAT 1-5, every rating value and each segment member', async () => {
    const store = await track(openTestStore());
    const responses = variedResponses(400, 7);
    await insertAll(store, responses, 'Europe/Paris');

    expect(await store.stats.daily('acme', WHOLE)).toEqual(expectedDaily(responses, 'Europe/Paris'));
    for (const dim of ['site_code', 'staff_code', 'region']) expect(await store.stats.league('acme', dim, WHOLE)).toEqual(expectedLeague(responses, dim));
    expect(await store.stats.scores('acme', WHOLE)).toEqual(expectedScores(responses));
    expect(await store.stats.count('acme', WHOLE)).toBe(400);
    const atLeeds = responses.filter((r) => r.segments.site_code === 'leeds');
    expect(await store.stats.count('acme', WHOLE, undefined, { key: 'site_code', value: 'leeds' })).toBe(atLeeds.length);
  });

  it('counts two NPS answers of one response as two ratings, as /nps does', async () => {
    const store = await track(openTestStore());
    const both = storedResponse({
      survey_id: ORDER_SURVEY.id,
      answers: [
        { question_id: 1, question: 'Recommend us?', type: 'Rating', answer: 10 },
        { question_id: 2, question: 'Recommend the courier?', type: 'Rating', answer: 3 },
        { question_id: 3, question: 'Satisfied?', type: 'Rating', answer: 4 },
      ],
    });
    await insertAll(store, [both], 'UTC');
    expect(await store.stats.daily('acme', WHOLE)).toEqual([
      { day: '2025-06-01', totals: { responses: 1, promoters: 1, passives: 0, detractors: 1, csat: [0, 0, 0, 1, 0] } },
    ]);
  });

  it('counts a response submitted at 23:30 UTC on the next local day in Europe/Paris', async () => {
    const store = await track(openTestStore());
    await insertAll(store, [storedResponse({ submitted_at: '2026-03-01T23:30:00.000Z', segments: { site_code: 'leeds' } })], 'Europe/Paris');
    expect((await store.stats.daily('acme', WHOLE)).map((d) => d.day)).toEqual(['2026-03-02']);
    expect(await store.stats.count('acme', { first: '2026-03-01', last: '2026-03-01' })).toBe(0);
    expect(await store.stats.count('acme', { first: '2026-03-02', last: '2026-03-02' }, undefined, { key: 'site_code', value: 'leeds' })).toBe(1);
  });

  it('honours survey filters and day ranges in daily, league, scores and count', async () => {
    const store = await track(openTestStore());
    const responses = variedResponses(300, 11);
    await insertAll(store, responses, 'America/New_York');
    const rng = seededRandom(5);
    for (let trial = 0; trial < 25; trial += 1) {
      const a = `2026-03-${String(1 + rng.int(28)).padStart(2, '0')}`;
      const b = `2026-03-${String(1 + rng.int(31)).padStart(2, '0')}`;
      const days = a <= b ? { first: a, last: b } : { first: b, last: a };
      const surveyIds = [[], [10], [20], [10, 20]][trial % 4] as number[];
      const inView = responses.filter((r) => {
        const day = dayIn(r, 'America/New_York');
        return day >= days.first && day <= days.last && (surveyIds.length === 0 || surveyIds.includes(r.survey_id));
      });
      const label = `${days.first}..${days.last} surveys ${surveyIds.join(',')}`;
      expect(await store.stats.daily('acme', days, surveyIds), label).toEqual(expectedDaily(inView, 'America/New_York'));
      expect(await store.stats.league('acme', 'staff_code', days, surveyIds), label).toEqual(expectedLeague(inView, 'staff_code'));
      expect(await store.stats.scores('acme', days, surveyIds), label).toEqual(expectedScores(inView));
      expect(await store.stats.count('acme', days, surveyIds), label).toBe(inView.length);
      const york = inView.filter((r) => r.segments.site_code === 'york').length;
      expect(await store.stats.count('acme', days, surveyIds, { key: 'site_code', value: 'york' }), label).toBe(york);
    }
  });

  it('dates a response posted to the proxy in its org’s zone, with its answers scored from the survey file', async () => {
    // The proxy's clock an hour on: a response is refused more than a day ahead of it.
    const { app, store } = await testApp({ orgSettings: createOrgSettings({ acme: { timeZone: 'Europe/Paris' } }), now: () => new Date('2026-03-02T00:30:00.000Z') });
    await track(Promise.resolve(store));
    const res = await postResponse(app, validPayload({ submitted_at: '2026-03-01T23:30:00.000Z', segments: { staff_code: 'luke' } }));
    expect(res.status).toBe(201);
    expect(await store.stats.daily('acme', WHOLE)).toEqual([
      { day: '2026-03-02', totals: { responses: 1, promoters: 1, passives: 0, detractors: 0, csat: [0, 0, 0, 0, 0] } },
    ]);
    expect(await store.stats.league('acme', 'staff_code', WHOLE)).toEqual([{ member: 'luke', totals: expect.objectContaining({ promoters: 1 }) }]);
    const [row] = await store.browse.page({ org: 'acme', from: '2026-03-01T00:00:00.000Z', to: '2026-03-02T23:59:59.999Z', text: 'quick DELIVERY' }, 5);
    expect(row?.uuid).toBe(validPayload().id);
  });

  it('stores nothing, rollups included, when writing a rollup fails', async () => {
    const path = join(tempDir(), 'rollback.sqlite');
    const store = await track(openStore(path));
    const db = new Database(path);
    db.exec("CREATE TRIGGER fail_stats BEFORE INSERT ON stat_scores BEGIN SELECT RAISE(ABORT, 'disk trouble'); END");
    await expect(insertAll(store, variedResponses(1, 4), 'UTC')).rejects.toThrow('disk trouble');
    const counted = db.prepare('SELECT (SELECT COUNT(*) FROM responses) + (SELECT COUNT(*) FROM ratings) + (SELECT COUNT(*) FROM stat_days) + (SELECT COUNT(*) FROM response_segments) AS n');
    expect(counted.get()).toEqual({ n: 0 });
    db.close();
  });

  it('counts a UUID stored twice once, and a refused different body not at all', async () => {
    const store = await track(openTestStore());
    const response = storedResponse({ segments: { site_code: 'leeds' } });
    await insertAll(store, [response, response], 'UTC');
    await store.responses.insert({ ...response, segments: { site_code: 'york' } }, 'another-body', responseFacts(response, undefined, 'UTC'));
    expect(await store.stats.count('acme', WHOLE)).toBe(1);
    expect(await store.stats.league('acme', 'site_code', WHOLE)).toEqual([{ member: 'leeds', totals: expect.objectContaining({ responses: 1 }) }]);
    expect(await store.browse.page({ org: 'acme', from: '2000-01-01T00:00:00.000Z', to: '2099-01-01T00:00:00.000Z', segments: [{ key: 'site_code', value: 'leeds' }] }, 10)).toHaveLength(1);
  });

  it('lists the org’s segment keys and a key’s members, busiest first, up to the limit', async () => {
    const store = await track(openTestStore());
    const responses = variedResponses(200, 3);
    await insertAll(store, [...responses, storedResponse({ org: 'other', segments: { team: 'blue' } })], 'UTC');
    expect(await store.stats.dimensions('acme')).toEqual(['region', 'site_code', 'staff_code']);
    expect(await store.stats.dimensions('other')).toEqual(['team']);
    const bySite = [...groupBy(responses, (r) => r.segments.site_code)].map(([value, rs]) => ({ value, n: rs.length }));
    bySite.sort((a, b) => b.n - a.n || a.value.localeCompare(b.value));
    expect(await store.stats.members('acme', 'site_code', 3)).toEqual(bySite.slice(0, 3));
    expect(await store.stats.members('acme', 'nothing', 3)).toEqual([]);
  });

  it('rebuilds in a new zone: responses move to their new local days, with the totals inserts in that zone would have made', async () => {
    const inUtc = await track(openTestStore());
    const inParis = await track(openTestStore());
    // 2,300 responses: more than one rebuild batch.
    const responses = variedResponses(2_300, 21);
    await insertAll(inUtc, responses, 'UTC');
    await insertAll(inParis, responses, 'Europe/Paris');
    expect(await inUtc.stats.daily('acme', WHOLE)).not.toEqual(await inParis.stats.daily('acme', WHOLE));

    const progress: number[] = [];
    const read = await inUtc.stats.rebuild('acme', 'Europe/Paris', (r) => responseFacts(r, surveyOf(r), 'Europe/Paris'), (done) => progress.push(done));
    expect(read).toBe(2_300);
    expect(progress).toEqual([2_000, 2_300]);
    expect(await inUtc.stats.zoneOf('acme')).toBe('Europe/Paris');
    expect(await inUtc.stats.daily('acme', WHOLE)).toEqual(await inParis.stats.daily('acme', WHOLE));
    for (const dim of ['site_code', 'staff_code', 'region']) expect(await inUtc.stats.league('acme', dim, WHOLE)).toEqual(await inParis.stats.league('acme', dim, WHOLE));
    expect(await inUtc.stats.scores('acme', WHOLE)).toEqual(await inParis.stats.scores('acme', WHOLE));
    const period = { org: 'acme', from: '2000-01-01T00:00:00.000Z', to: '2099-01-01T00:00:00.000Z', segments: [{ key: 'staff_code', value: 'ben' }], text: 'off' };
    expect((await inUtc.browse.page(period, 3_000)).map((r) => r.id)).toEqual((await inParis.browse.page(period, 3_000)).map((r) => r.id));
  });

  it('rebuilds one org without touching another’s rollups', async () => {
    const store = await track(openTestStore());
    await insertAll(store, [storedResponse({ org: 'other', id: 'aaaaaaaa-0000-4000-8000-000000000001' })], 'UTC');
    await insertAll(store, variedResponses(50, 2), 'UTC');
    expect(await store.stats.zoneOf('acme')).toBeUndefined();
    await store.stats.rebuild('acme', 'Asia/Tokyo', (r) => responseFacts(r, surveyOf(r), 'Asia/Tokyo'));
    expect(await store.stats.daily('other', WHOLE)).toEqual([{ day: '2025-06-01', totals: expect.objectContaining({ responses: 1 }) }]);
    expect(await store.stats.count('acme', WHOLE)).toBe(50);
  });

  it('fills everything for responses stored by the proxy before the dashboard existed', async () => {
    const path = join(tempDir(), 'before-dashboard.sqlite');
    const responses = variedResponses(120, 9);
    // The database as release 003 left it: its rows have no rollups, segment rows or search text.
    const old = openSqlite(path);
    await new Migrator({ db: old, provider: { getMigrations: async () => MIGRATIONS } }).migrateTo('003-feedback-requests');
    for (const r of responses) {
      // `verified` came with release 005: the old table has no such column.
      const { verified: _verified, ...row } = responseRow(r, `hash-${r.id}`, { site_id: null, staff_id: null });
      await old.insertInto('responses').values(row).execute();
    }
    await old.destroy();

    const store = await track(openStore(path));
    expect(await store.stats.daily('acme', WHOLE)).toEqual([]);
    expect(await store.stats.rebuild('acme', 'UTC', (r) => responseFacts(r, surveyOf(r), 'UTC'))).toBe(120);
    expect(await store.stats.daily('acme', WHOLE)).toEqual(expectedDaily(responses, 'UTC'));
    expect(await store.stats.league('acme', 'site_code', WHOLE)).toEqual(expectedLeague(responses, 'site_code'));
    expect(await store.stats.scores('acme', WHOLE)).toEqual(expectedScores(responses));
    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT COUNT(*) AS n FROM responses WHERE search_text IS NULL').get()).toEqual({ n: 0 });
    db.close();
  });
});
