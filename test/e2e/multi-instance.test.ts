/**
 * Several instances on one database (issue 12): three proxy processes share a
 * private PostgreSQL behind a round-robin front. Four tabs submit responses
 * through the widget's real outbox while one instance is SIGKILLed; then three
 * relay workers race for 1,000 feedback requests bound for the Customer Radar
 * contract fake. Nothing may be lost, and nothing stored or sent twice.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPrivatePostgres, type PrivatePostgres } from '../../scripts/postgres/private-postgres';
import { STORED_RESPONSE_COLUMNS, storedResponse, type ResponseRow } from '../../src/proxy/store/response-rows';
import { CUSTOMER_RADAR_PASSWORD, CUSTOMER_RADAR_USERNAME, startCustomerRadarFake, type CustomerRadarFake } from '../fakes/customer-radar/customer-radar-fake';
import { eventually, outboxIds, report, submitResponse, tally } from './fault-kit';
import { launchChromium, REPO, WAIT_MS, WIDGET_SCRIPT } from './harness';
import { recordClaims, type Claim } from './multi-instance/claim-log';
import { freePort, spawnProxy, type ProxyChild } from './relay-crash/proxy-child';
import { acknowledged, postsPerId, responsePosts } from './multi-instance/response-posts';
import { startRoundRobinFront, type RoundRobinFront } from './multi-instance/round-robin-front';
import { RADAR_SECRETS, RELAY_SITE, writeSharedDir, type SharedDir } from './multi-instance/shared-dir';

const INSTANCES = 3;
const TABS = 4;
const PER_TAB = 50;
/** Acknowledged responses before the kill: well into the burst, far from its end. */
const KILL_AFTER = 60;
/** The killed instance: the middle one, so the front's turn passes it on both sides. */
const VICTIM = 1;
const FAIL_TIMEOUT_MS = 1_000;
const REQUESTS = 1_000;
const TOKEN = 'multi-instance-token';

const dir = mkdtempSync(join(tmpdir(), 'multi-instance-'));
const ports: number[] = [];
const instances: (ProxyChild | undefined)[] = [];
/** Every instance started, the killed one too, for what they printed. */
const everStarted: ProxyChild[] = [];
let postgres: PrivatePostgres | undefined;
let db: pg.Client | undefined;
let claimLog: { claims(): Promise<Claim[]> } | undefined;
let radar: CustomerRadarFake | undefined;
let front: RoundRobinFront | undefined;
let browser: Browser | undefined;
let env: Record<string, string> = {};
let shared: SharedDir | undefined;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Starts the instance of `slot` on its port; kept in `instances` as soon as it runs, so afterAll can kill it. */
async function startSlot(slot: number): Promise<void> {
  const instance = await spawnProxy(REPO, ports[slot]!, env, 30_000);
  instances[slot] = instance;
  everStarted.push(instance);
}

/** What the instances printed besides their two start-up lines: an internal error, a lost lease, a lost connection. */
const complaints = () =>
  everStarted.flatMap((i) => i.output().split('\n')).filter((line) => line.trim() && !/^(Survey proxy listening on|REST API v1 at) /.test(line));

beforeAll(async () => {
  postgres = await startPrivatePostgres();
  // A few milliseconds per reply, like a real network, so each worker has several calls in flight.
  radar = await startCustomerRadarFake({ server: { beforeReply: () => sleep(5 + Math.random() * 15) } });
  shared = writeSharedDir(dir, radar.server.url, TABS);
  env = {
    DATABASE_URL: postgres.url,
    // Never read while DATABASE_URL is set; named so a regression could not touch data/ in the repo.
    DATABASE_PATH: join(dir, 'unused.sqlite'),
    SURVEYS_DIR: shared.surveysDir,
    DEMO_DIR: shared.demoDir,
    WIDGET_SCRIPT_PATH: WIDGET_SCRIPT,
    API_TOKENS: `acme:${TOKEN}`,
    [RADAR_SECRETS.username]: CUSTOMER_RADAR_USERNAME,
    [RADAR_SECRETS.password]: CUSTOMER_RADAR_PASSWORD,
    // Short polls, so every worker looks at the queue often and they race for the same jobs.
    RELAY_POLL_MS: '50',
    // Hundreds of responses and a thousand API calls from one address: a load test, not a visitor.
    RATE_LIMITS: 'off',
  };
  ports.push(...(await Promise.all(Array.from({ length: INSTANCES }, () => freePort()))));
  // All three at once, as a deployment starts them: their migrations race too.
  const started = await Promise.allSettled(ports.map((_, slot) => startSlot(slot)));
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
  db = new pg.Client({ connectionString: postgres.url });
  await db.connect();
  claimLog = await recordClaims(db, 'relay');
  front = await startRoundRobinFront(ports.map((port) => `http://127.0.0.1:${port}`), { failTimeoutMs: FAIL_TIMEOUT_MS });
  browser = await launchChromium();
}, 90_000);

afterAll(async () => {
  // Each step runs even when an earlier one fails: no process may outlive the file.
  const steps: (() => Promise<unknown> | undefined)[] = [
    () => browser?.close(),
    () => front?.close(),
    () => Promise.all(instances.map((instance) => instance?.kill())),
    () => db?.end(),
    () => radar?.close(),
    () => postgres?.stop(),
  ];
  const errors: unknown[] = [];
  for (const step of steps) await Promise.resolve().then(() => step()).catch((error: unknown) => errors.push(error));
  rmSync(dir, { recursive: true, force: true });
  if (errors.length) throw errors[0];
}, 30_000);

/** The stored responses, read from PostgreSQL directly: what is really committed. */
async function storedResponses() {
  const { rows } = await db!.query<Pick<ResponseRow, (typeof STORED_RESPONSE_COLUMNS)[number]>>(
    `SELECT ${STORED_RESPONSE_COLUMNS.join(', ')} FROM responses WHERE survey LIKE 'fault-%' ORDER BY id`,
  );
  return rows.map(storedResponse);
}

describe('three proxies on one PostgreSQL behind a round-robin front', () => {
  it('stores every response of a four-tab burst exactly once when one proxy is SIGKILLed mid-burst', async () => {
    const context = await browser!.newContext();
    context.setDefaultTimeout(WAIT_MS);
    const tabs = await Promise.all(Array.from({ length: TABS }, () => context.newPage()));
    // Each tab's page, script, stylesheet and survey come from whichever instance's turn it is.
    for (const [t, tab] of tabs.entries()) await tab.goto(`${front!.origin}${shared!.pagePath(t)}`);

    const markers = (t: number) => Array.from({ length: PER_TAB }, (_, i) => `burst-tab${t}-${i}`);
    const everyMarker = tabs.flatMap((_, t) => markers(t));
    const streams = tabs.map(async (tab, t) => {
      for (const marker of markers(t)) await submitResponse(tab, marker);
    });
    await eventually(() => expect(acknowledged(front!.exchanges).size).toBeGreaterThanOrEqual(KILL_AFTER));
    const victim = instances[VICTIM]!;
    await victim.kill();
    const killedAt = Date.now();
    const ackedBeforeKill = acknowledged(front!.exchanges);
    const storedAtKill = new Set((await storedResponses()).map((r) => r.id));
    await Promise.all(streams);

    // The outbox (shared by the tabs) retries what the front answered 502, through the live instances.
    await eventually(async () => expect(await outboxIds(tabs[0]!)).toEqual([]), 30_000);
    const drainedMs = Date.now() - killedAt;
    const rows = await storedResponses();
    const posts = responsePosts(front!.exchanges);
    const frontRefusals = posts.filter((e) => e.by === 'front');
    const retried = [...postsPerId(front!.exchanges).values()].filter((n) => n > 1).length;
    const ackedByVictim = [...ackedBeforeKill.values()].filter((backend) => backend === victim.origin).length;
    const result = tally(rows, everyMarker);
    report(`${TABS} tabs x ${PER_TAB} responses over ${INSTANCES} instances, one SIGKILLed`, {
      'acknowledged before the kill': ackedBeforeKill.size, 'of them by the killed instance': ackedByVictim,
      'front 502s': frontRefusals.length, 'responses posted more than once': retried, 'ms from kill to drained outbox': drainedMs,
      ...result,
    });

    // Acknowledged means committed: even what the killed instance acknowledged is in the database.
    expect([...ackedBeforeKill.keys()].filter((id) => !storedAtKill.has(id))).toEqual([]);
    expect(ackedByVictim).toBeGreaterThan(0);
    // The kill cost some requests their answer, and the outbox sent those again elsewhere.
    expect(frontRefusals.length).toBeGreaterThan(0);
    expect(retried).toBeGreaterThan(0);
    // Every submission stored once, under one id each; every acknowledged id among them.
    expect(result).toEqual({ stored: TABS * PER_TAB, lost: 0, duplicated: 0 });
    expect(new Set(rows.map((r) => r.id)).size).toBe(TABS * PER_TAB);
    expect([...acknowledged(front!.exchanges).keys()].filter((id) => !rows.some((r) => r.id === id))).toEqual([]);
    // No instance failed a request: the only 5xx are the front's 502s for the dead one, and a retry of
    // something already stored is a 200, never a 409.
    expect(front!.exchanges.filter((e) => e.by === 'backend' && e.status >= 500)).toEqual([]);
    expect(posts.filter((e) => e.by === 'backend' && e.status !== 201 && e.status !== 200)).toEqual([]);
    expect(complaints()).toEqual([]);
    await context.close();
  }, 120_000);

  it('relays 1,000 feedback requests through three racing workers, each sent exactly once', async () => {
    // The killed instance comes back on its port; the front tries it again after its fail timeout.
    for (const [slot, instance] of instances.entries()) if (!instance?.alive) await startSlot(slot);
    await sleep(FAIL_TIMEOUT_MS);

    const emails = Array.from({ length: REQUESTS }, (_, i) => `relay-${i}@example.com`);
    const startedAt = Date.now();
    await postRequests(emails, 16);
    const postedMs = Date.now() - startedAt;
    await eventually(async () => expect(await requestStates()).toEqual({ sent: REQUESTS }), 60_000);
    const sentMs = Date.now() - startedAt;

    const invitedTimes = countBy(radar!.invitations.flatMap((invitation) => invitation.sendData.map((recipient) => recipient.email)));
    const claims = await claimLog!.claims();
    const claimsPerJob = countBy(claims.map((claim) => claim.jobId));
    // A job's claimer is its sender: only the lease holder may record the outcome (job-store.ts).
    const sendsPerInstance = countBy(claims.map((claim) => instanceOf(claim.owner)));
    const postsPerInstance = countBy(front!.exchanges.filter((e) => e.url === '/api/feedback_requests').map((e) => e.backend));
    console.log(
      `[multi-instance] ${REQUESTS} feedback requests over ${INSTANCES} relay workers: accepted in ${postedMs} ms (posts per instance ${[...postsPerInstance.values()].join('/')}), ` +
        `all sent after ${sentMs} ms; invitations at Customer Radar ${radar!.invitations.length}, logins ${radar!.logins}, ` +
        `sends per instance ${[...sendsPerInstance].map(([who, n]) => `${who} ${n}`).join(', ')}`,
    );

    expect([...invitedTimes.keys()].sort()).toEqual([...emails].sort());
    expect([...invitedTimes].filter(([, n]) => n !== 1)).toEqual([]);
    expect(radar!.invitations).toHaveLength(REQUESTS);
    // Each job claimed once: no worker took a job another held (FOR UPDATE SKIP LOCKED and the lease).
    expect(claimsPerJob.size).toBe(REQUESTS);
    expect([...claimsPerJob].filter(([, n]) => n !== 1)).toEqual([]);
    // More than one worker sent, or exclusivity would be proven by a race that never happened.
    expect(sendsPerInstance.size).toBeGreaterThan(1);
    expect([...sendsPerInstance.keys()].filter((who) => who.startsWith('unknown'))).toEqual([]);
    expect(complaints()).toEqual([]);
  }, 90_000);
});

/** How often each value occurs. */
function countBy<T>(values: readonly T[]): Map<T, number> {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

/** Posts one feedback request per email through the front, `lanes` at a time; each must be accepted. */
async function postRequests(emails: readonly string[], lanes: number): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < emails.length) {
      const email = emails[next++]!;
      const body = { email, send_at: new Date().toISOString(), survey_id: 1484, email_template_id: 10, first_name: 'Ann', data: [{ key: 'site_code', value: RELAY_SITE }] };
      const res = await fetch(`${front!.origin}/api/feedback_requests`, {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { 'User-Agent': 'multi-instance-test', Accept: 'application/vnd.customersure.v1+json', Authorization: `Token token="${TOKEN}"`, 'Content-Type': 'application/json' },
      });
      if (res.status !== 201) throw new Error(`POST /api/feedback_requests answered ${res.status}: ${await res.text()}`);
    }
  };
  await Promise.all(Array.from({ length: lanes }, lane));
}

/** Feedback requests by state, e.g. `{ pending: 3, sent: 997 }`. */
async function requestStates(): Promise<Record<string, number>> {
  const { rows } = await db!.query<{ state: string; n: number }>('SELECT state, count(*)::int AS n FROM feedback_requests GROUP BY state');
  return Object.fromEntries(rows.map((r) => [r.state, r.n]));
}

/** Which instance a lease owner (`relay:{host}-{pid}-{random}`, wire-app.ts) names, by its process id. */
function instanceOf(owner: string): string {
  const pid = Number(/-(\d+)-[0-9a-f]+$/.exec(owner)?.[1]);
  const slot = instances.findIndex((i) => i?.pid === pid);
  return slot >= 0 ? `instance${slot + 1}` : `unknown(${owner})`;
}
