import type { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../scripts/demo/seed-demo';
import { DEMO_TOKEN, V1, demoApp, inProcessFetch } from './demo-app';

const NOW = new Date('2026-03-10T12:00:00.000Z');
const ORIGIN = 'http://127.0.0.1:8787';

/** What the API's list of `path` says its total is. */
async function total(app: Hono, path: string): Promise<number> {
  const res = await app.request(`${path}?per_page=1`, { headers: V1 });
  expect(res.status).toBe(200);
  return Number(res.headers.get('X-Total-Count'));
}

/** The site's NPS over the seeded window, as `GET /api/nps` (and the dashboard's league table) counts it. */
async function siteNps(app: Hono, code: string): Promise<number> {
  const site = (await (await app.request(`/api/sites/${code}`, { headers: V1 })).json()) as { id: number };
  const from = new Date(NOW.getTime() - 120 * 86_400_000).toISOString();
  const res = await app.request(`/api/nps?site_ids[]=${site.id}&from_time=${from}&to_time=${NOW.toISOString()}`, { headers: V1 });
  return ((await res.json()) as { net_promoter_score: number }).net_promoter_score;
}

describe('seedDemo()', () => {
  describe('on an empty org', () => {
    let app: Hono;
    let result: Awaited<ReturnType<typeof seedDemo>>;
    const logged: string[] = [];

    beforeAll(async () => {
      app = await demoApp(NOW);
      result = await seedDemo({ origin: ORIGIN, token: DEMO_TOKEN, now: NOW, log: (line) => logged.push(line), fetch: inProcessFetch(app) });
    });

    it('creates sites, staff, 1,200 responses and 40 invitations through the API, and logs one summary line', async () => {
      expect(result).toEqual({ seeded: true, responses: 1200 });
      expect(await total(app, '/api/feedback_responses')).toBe(1200);
      expect(await total(app, '/api/sites')).toBe(4);
      expect(await total(app, '/api/staff')).toBe(6);
      expect(await total(app, '/api/feedback_requests')).toBe(40);
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatch(/^\[demo\] seeded 1,200 responses, 4 sites, 6 staff and 40 invitations for org acme in \d+\.\d s$/);
    });

    it('links responses to the sites it made, so the API ranks Leeds Trinity last by NPS', async () => {
      const leeds = await siteNps(app, 'leeds');
      for (const site of ['newcastle', 'online', 'york']) expect(await siteNps(app, site)).toBeGreaterThan(leeds + 20);
    });
  });

  it('does nothing the second time: the org already has responses', async () => {
    const app = await demoApp(NOW);
    const fetch = inProcessFetch(app);
    await seedDemo({ origin: ORIGIN, token: DEMO_TOKEN, now: NOW, log: () => {}, fetch, dataset: { responses: 30 } });
    const logged: string[] = [];

    const again = await seedDemo({ origin: ORIGIN, token: DEMO_TOKEN, now: new Date(NOW.getTime() + 60_000), log: (line) => logged.push(line), fetch });

    expect(again).toEqual({ seeded: false, responses: 30 });
    expect(await total(app, '/api/feedback_responses')).toBe(30);
    expect(await total(app, '/api/feedback_requests')).toBe(40);
    expect(logged).toEqual([]);
  });

  it('keeps a site made by hand, and seeds the rest', async () => {
    const app = await demoApp(NOW);
    const own = { site_code: 'leeds', name: 'Leeds (our own name)', region: 'West Yorkshire' };
    const made = await app.request('/api/sites', { method: 'POST', headers: { ...V1, 'Content-Type': 'application/json' }, body: JSON.stringify(own) });
    expect(made.status).toBe(201);

    await seedDemo({ origin: ORIGIN, token: DEMO_TOKEN, now: NOW, log: () => {}, fetch: inProcessFetch(app), dataset: { responses: 30 } });

    expect(await total(app, '/api/sites')).toBe(4);
    expect(await (await app.request('/api/sites/leeds', { headers: V1 })).json()).toMatchObject({ name: 'Leeds (our own name)' });
    expect(await total(app, '/api/feedback_responses')).toBe(30);
  });

  it('stops at the first refusal, with what the proxy answered', async () => {
    const app = await demoApp(NOW);
    const refuse: typeof fetch = async (input, init) =>
      String(input).endsWith('/v1/responses') ? new Response('{"message":"The store is busy; retry shortly"}', { status: 503 }) : app.request(String(input), init);

    const seeding = seedDemo({ origin: ORIGIN, token: DEMO_TOKEN, now: NOW, log: () => {}, fetch: refuse, dataset: { responses: 30 } });

    await expect(seeding).rejects.toThrow('POST /v1/responses answered 503: {"message":"The store is busy; retry shortly"}');
    expect(await total(app, '/api/feedback_requests')).toBe(0);
  });
});
