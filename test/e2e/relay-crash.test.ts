/**
 * The relay killed with SIGKILL mid-stream. A real proxy process relays 300
 * feedback requests to the Customer Radar contract fake, whose replies take
 * 30-80 ms so 16 calls are in flight at once. After the 100th invitation the
 * fake keeps acting but holds its replies, and the proxy is killed: those
 * calls are lost replies (the system acted, the proxy never heard). Restarted
 * on the same database, the proxy must send everything still pending, and
 * send again only what it could not know was sent.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CUSTOMER_RADAR_EXAMPLE_DIRECTORY,
  CUSTOMER_RADAR_PASSWORD,
  CUSTOMER_RADAR_USERNAME,
  startCustomerRadarFake,
  type CustomerRadarFake,
} from '../fakes/customer-radar/customer-radar-fake';
import { eventually } from './fault-kit';
import { REPO } from './harness';
import { freePort, spawnProxy, type ProxyChild } from './relay-crash/proxy-child';
import { createReplyValve } from './relay-crash/reply-valve';

const REQUESTS = 300;
const KILL_AFTER = 100;
/** The relay worker's calls in flight at once (relay-worker.ts): at most this many replies can be lost. */
const WORKER_CONCURRENCY = 16;
const TOKEN = 'relay-crash-token';
const HEADERS = {
  Accept: 'application/vnd.customersure.v1+json',
  'User-Agent': 'relay-crash-test',
  Authorization: `Token token="${TOKEN}"`,
  'Content-Type': 'application/json',
};

const dir = mkdtempSync(join(tmpdir(), 'relay-crash-'));
const valve = createReplyValve({ closeAfter: KILL_AFTER, delayMs: () => 30 + Math.random() * 50 });
let radar: CustomerRadarFake | undefined;
let proxy: ProxyChild | undefined;
let env: Record<string, string> = {};
let port = 0;

beforeAll(async () => {
  radar = await startCustomerRadarFake({ server: valve.server });
  const [client] = CUSTOMER_RADAR_EXAMPLE_DIRECTORY;
  const location = client!.locations[0]!;
  cpSync(join(REPO, 'demo/surveys'), join(dir, 'surveys'), { recursive: true });
  const relay = {
    provider: 'customer-radar',
    base_url: radar.server.url,
    client_display_id: client!.displayId,
    programmes: { '1484': client!.programmes[0]!.displayId },
    sites: { newcastle: { location_display_id: location.displayId, pom_display_id: location.pomDisplayIds[0] } },
    username_env: 'ACME_CR_USERNAME',
    password_env: 'ACME_CR_PASSWORD',
  };
  writeFileSync(join(dir, 'surveys/acme/_relay.json'), JSON.stringify(relay));
  port = await freePort();
  env = {
    SURVEYS_DIR: join(dir, 'surveys'),
    DATABASE_PATH: join(dir, 'relay.sqlite'),
    API_TOKENS: `acme:${TOKEN}`,
    ACME_CR_USERNAME: CUSTOMER_RADAR_USERNAME,
    ACME_CR_PASSWORD: CUSTOMER_RADAR_PASSWORD,
    RELAY_LEASE_SECONDS: '2',
    RELAY_POLL_MS: '50',
    // 300 requests, then polls and 300 reads, from one address within a minute: a load test.
    RATE_LIMITS: 'off',
  };
});

afterAll(async () => {
  await proxy?.kill();
  valve.open();
  await radar?.close();
  rmSync(dir, { recursive: true, force: true });
});

const api = (path: string, init: RequestInit = {}) => fetch(`${proxy!.origin}/api${path}`, { ...init, headers: HEADERS });
const countOf = async (state: string) => Number((await api(`/feedback_requests?state=${state}&per_page=1`)).headers.get('X-Total-Count'));

/** Posts the requests, `lanes` at a time; resolves with their ids once every one is stored. */
async function postRequests(emails: readonly string[], lanes: number): Promise<number[]> {
  const ids: number[] = [];
  let next = 0;
  const lane = async () => {
    while (next < emails.length) {
      const email = emails[next++]!;
      const body = { email, send_at: new Date().toISOString(), survey_id: 1484, email_template_id: 10, first_name: 'Ann', data: [{ key: 'site_code', value: 'newcastle' }] };
      const res = await api('/feedback_requests', { method: 'POST', body: JSON.stringify(body) });
      if (res.status !== 201) throw new Error(`POST answered ${res.status}: ${await res.text()}`);
      ids.push(((await res.json()) as { id: number }).id);
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
  return ids;
}

describe('the relay across a SIGKILL', () => {
  it('sends every request exactly once in our API, and twice at the system only where its reply was lost', async () => {
    proxy = await spawnProxy(REPO, port, env);
    const emails = Array.from({ length: REQUESTS }, (_, i) => `crash-${i}@example.com`);
    const ids = await postRequests(emails, 8);
    await eventually(() => expect(valve.closed).toBe(true));
    // Every reply that did get out is recorded before the kill, so the only unknowns are the held ones.
    const answered = () => valve.actedOn.filter((a) => !a.held);
    await eventually(async () => {
      expect(answered().every((a) => a.written === true)).toBe(true);
      expect(await countOf('sent')).toBe(answered().length);
    });
    const sentBeforeKill = answered().length;
    await proxy.kill();
    const lost = valve.actedOn.filter((a) => a.held);
    // The dead proxy's sockets close, so no held reply can be written any more.
    await eventually(() => expect(lost.every((a) => a.written === false)).toBe(true));
    valve.open();

    const restartedAt = Date.now();
    proxy = await spawnProxy(REPO, port, env);
    await eventually(async () => expect(await countOf('pending')).toBe(0), 60_000);
    const drainedMs = Date.now() - restartedAt;

    const shown = await Promise.all(ids.map(async (id) => (await api(`/feedback_requests/${id}`)).json() as Promise<{ state: string; timeline: { kind: string }[] }>));
    expect(shown.map((r) => r.state)).toEqual(ids.map(() => 'sent'));
    expect(shown.filter((r) => r.timeline.filter((e) => e.kind === 'sent').length !== 1)).toEqual([]);

    const callsPerEmail = new Map<string, boolean[]>();
    for (const a of valve.actedOn) callsPerEmail.set(a.email, [...(callsPerEmail.get(a.email) ?? []), a.written === true]);
    const twice = [...callsPerEmail].filter(([, written]) => written.length > 1).map(([email]) => email);
    console.log(
      `[relay-crash] ${REQUESTS} requests; killed with SIGKILL after ${sentBeforeKill} were sent and recorded and ${lost.length} replies were held in flight; ` +
        `restarted, the rest were sent in ${drainedMs} ms; invitations at Customer Radar ${valve.actedOn.length}, emails invited twice ${twice.length}, lost replies ${lost.length}`,
    );
    expect([...callsPerEmail.keys()].sort()).toEqual([...emails].sort());
    // An email went twice only when its first reply was lost, and then exactly twice: lost, then written.
    for (const email of twice) expect(callsPerEmail.get(email)).toEqual([false, true]);
    expect(twice.sort()).toEqual(lost.map((a) => a.email).sort());
    expect(lost.length).toBeGreaterThan(0);
    expect(lost.length).toBeLessThanOrEqual(WORKER_CONCURRENCY);
    expect(radar!.invitations).toHaveLength(REQUESTS + lost.length);
  });
});
