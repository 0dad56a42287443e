import { describe, expect, it } from 'vitest';
import { splitByUtcDays } from '../../../src/proxy/store/utc-days';
import { factsOf, storedResponse } from './store-fixtures';
import { openTestStore } from '../test-store';

describe('splitByUtcDays()', () => {
  it.each([
    ['whole days only', '2026-01-01T00:00:00.000Z', '2026-01-03T23:59:59.999Z', { first: '2026-01-01', last: '2026-01-03' }, []],
    ['a partial day at each end', '2026-01-01T06:00:00.000Z', '2026-01-03T12:00:00.000Z', { first: '2026-01-02', last: '2026-01-02' },
      [{ from: '2026-01-01T06:00:00.000Z', to: '2026-01-01T23:59:59.999Z' }, { from: '2026-01-03T00:00:00.000Z', to: '2026-01-03T12:00:00.000Z' }]],
    ['less than a day', '2026-01-01T06:00:00.000Z', '2026-01-01T07:00:00.000Z', undefined, [{ from: '2026-01-01T06:00:00.000Z', to: '2026-01-01T07:00:00.000Z' }]],
    ['a day that starts at 23:00Z (London in summer)', '2026-07-13T23:00:00.000Z', '2026-07-14T22:59:59.999Z', undefined,
      [{ from: '2026-07-13T23:00:00.000Z', to: '2026-07-14T22:59:59.999Z' }]],
    ['an empty range', '2026-01-02T00:00:00.000Z', '2026-01-01T00:00:00.000Z', undefined, []],
  ])('splits %s', (_name, from, to, days, edges) => {
    expect(splitByUtcDays(new Date(from), new Date(to))).toEqual(days ? { days, edges } : { edges });
  });
});

/** A small deterministic PRNG, so a failure can be replayed. */
function prng(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

describe('rating counts', () => {
  it('from daily counts and edges always equal counting every rating one by one', async () => {
    const store = await openTestStore();
    const random = prng(42);
    const start = Date.parse('2026-01-01T00:00:00Z');
    const span = 60 * 86_400_000;
    const all: { at: number; value: number; survey: number }[] = [];
    for (let i = 0; i < 400; i += 1) {
      const at = start + Math.floor(random() * span);
      const value = Math.floor(random() * 11);
      const survey = random() < 0.5 ? 1484 : 3000;
      all.push({ at, value, survey });
      const iso = new Date(at).toISOString();
      const response = storedResponse({ id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, survey_id: survey, submitted_at: iso, received_at: iso });
      await store.responses.insert(response, `h${i}`, factsOf(response, [{ question_id: 1, scale: 'nps', value }]));
    }
    for (let trial = 0; trial < 60; trial += 1) {
      const a = start - 86_400_000 + Math.floor(random() * (span + 2 * 86_400_000));
      const b = a + Math.floor(random() * span * (trial % 3 === 0 ? 0.02 : 1));
      const surveyIds = trial % 4 === 0 ? [3000] : undefined;
      const expected = new Map<number, number>();
      for (const r of all) {
        if (r.at >= a && r.at <= b && (!surveyIds || surveyIds.includes(r.survey))) expected.set(r.value, (expected.get(r.value) ?? 0) + 1);
      }
      const counted = await store.ratings.counts('acme', 'nps', { from: new Date(a), to: new Date(b) }, { surveyIds });
      expect(new Map([...counted].sort((x, y) => x[0] - y[0])), `range ${new Date(a).toISOString()} .. ${new Date(b).toISOString()}`).toEqual(new Map([...expected].sort((x, y) => x[0] - y[0])));
    }
    await store.close();
  });
});
