/**
 * The secrets tour, provider credentials: each of the five relays, configured
 * with canary credentials, meets a provider that answers every call with a
 * 400, 401, 500 or 200 of garbage quoting the call back (Authorization, form
 * and JSON bodies, URL). The failures are recorded and explained, in the API,
 * the dashboard and the webhooks; the credentials are in none of them, nor in
 * a log line.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRelayRoutes } from '../../../src/proxy/relay/relay-routes';
import { CANARY_SECRETS } from '../../support/canary-secrets';
import { tempDir } from '../fixtures';
import { HOSTILE_REPLIES, type HostileReply } from './hostile-provider';
import { leakWatch } from './leak-watch';
import { relayTour, T0, type RequestJson } from './relay-tour';
import { SESSION_TOKEN, TOUR_PROVIDERS } from './tour-providers';

const SESSION = { 'the session token a login issued': SESSION_TOKEN };

/** What a request ends as after one attempt answered `reply` at `at`. */
function expectedState({ status }: HostileReply, at: 'login' | 'send'): unknown {
  // A 500, or a login that gave no token, is worth another attempt later.
  if (status === 500 || (status === 200 && at === 'login')) return 'pending';
  // A 200 of garbage is sent for some systems (sending again could invite twice), refused by others.
  if (status === 200) return expect.stringMatching(/^(sent|not_sent)$/);
  return 'not_sent';
}

/** Each reason the proxy recorded for a request: why it was not sent, why it did not arrive, each failed attempt. */
const reasonsOf = (r: RequestJson) => [r.not_sent_reason, r.delivery_failure, ...r.timeline.map((e) => e.detail)].filter((t): t is string => t !== null);

describe.each(TOUR_PROVIDERS.map((p) => [p.name, p] as const))('the secrets tour: %s credentials', (_name, provider) => {
  it('a provider quoting each call back in a 400, 401, 500 or 200 of garbage gets its failures recorded, and the credentials appear in no reply, webhook or log line', async () => {
    const watch = leakWatch();
    const tour = await relayTour(provider, watch);
    const cases: { id: number; at: 'login' | 'send'; reply: HostileReply }[] = [];
    for (const at of provider.login ? (['login', 'send'] as const) : (['send'] as const)) {
      for (const reply of HOSTILE_REPLIES) {
        tour.hostile.answer(reply, at);
        const before = tour.hostile.server.calls.length;
        const id = await tour.request();
        expect(await tour.turn()).toBe(1);
        expect(tour.hostile.server.calls.length).toBeGreaterThan(before);
        cases.push({ id, at, reply });
      }
    }
    // The relay really presented the credentials: every canary went to the provider.
    const received = tour.hostile.server.calls.map((c) => `${c.path}?${c.query}\n${JSON.stringify(c.headers)}\n${c.body}`).join('\n');
    for (const value of Object.values(provider.env)) expect(received).toContain(value);

    const { api, dashboard } = await tour.readEverywhere(cases.map((c) => c.id));
    cases.forEach(({ at, reply }, i) => {
      const shown = api[i]!;
      expect({ at, ...reply, state: shown.state }).toEqual({ at, ...reply, state: expectedState(reply, at) });
      if (shown.state === 'not_sent') expect(shown.not_sent_reason).toEqual(expect.any(String));
      if (shown.state === 'pending') expect(shown.timeline.map((e) => e.kind)).toContain('attempt_failed');
      expect(dashboard[i]).toMatchObject({ id: shown.id, state: shown.state, not_sent_reason: shown.not_sent_reason });
    });
    // The provider's words were kept, the credentials in them blanked.
    expect(api.flatMap(reasonsOf).some((reason) => reason.includes('[redacted]'))).toBe(true);

    const payloads = await tour.webhookPayloads();
    expect(payloads.map((p) => p.data.id).sort()).toEqual(api.filter((r) => r.state !== 'pending').map((r) => r.id).sort());
    expect(watch.leaks(SESSION)).toEqual([]);
  });
});

describe('the secrets tour: Critizr status reads', () => {
  it('a status read answered with an echo records the delivery failure without the token', async () => {
    const watch = leakWatch();
    const tour = await relayTour(TOUR_PROVIDERS.find((p) => p.name === 'Critizr')!, watch);
    tour.hostile.answer({ status: 201, style: 'created' });
    const id = await tour.request();
    await tour.turn();
    for (const reply of [{ status: 500, style: 'json' }, { status: 404, style: 'json' }] as const) {
      tour.hostile.answer(reply);
      tour.clock.now += 3_600_000;
      expect(await tour.turn()).toBe(1);
    }
    expect(tour.hostile.server.calls.map((c) => `${c.method} ${c.path} ${c.outcome}`)).toEqual(['POST /v2/solicitations 201', 'GET /v2/solicitations/7 500', 'GET /v2/solicitations/7 404']);
    const { api, dashboard } = await tour.readEverywhere([id]);
    expect(api[0]).toMatchObject({ state: 'sent', delivery_failure: expect.stringContaining('[redacted]') });
    expect(dashboard[0]).toMatchObject({ delivery_failure: api[0]!.delivery_failure });
    expect(watch.leaks()).toEqual([]);
  });
});

describe('the secrets tour: relay files read at start-up', () => {
  it('an org whose relay secrets are half set is logged by the missing variable’s name, never by the value that is set', () => {
    const watch = leakWatch();
    const dir = tempDir();
    mkdirSync(join(dir, 'acme'));
    const radar = TOUR_PROVIDERS.find((p) => p.name === 'Customer Radar')!;
    writeFileSync(join(dir, 'acme', '_relay.json'), JSON.stringify(radar.relayFile('https://api.feedback.fyi')));
    const routes = loadRelayRoutes(dir, (name) => (name === 'ACME_CR_USERNAME' ? CANARY_SECRETS.customerRadarUsername : undefined), watch.log, () => T0);
    const route = routes.forOrg('acme');
    expect(route).toMatchObject({ provider: 'customer-radar', secrets: { ok: false, missing: ['ACME_CR_PASSWORD'] } });
    expect(watch.logLines()).toEqual(['[survey-proxy] acme relays to customer-radar, but ACME_CR_PASSWORD is not set: its requests wait until it is']);
    expect(watch.leaks()).toEqual([]);
  });
});
