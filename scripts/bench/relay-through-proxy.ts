import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import Database from 'better-sqlite3';
import { DEFAULT_RELAY_CONFIG, RATE_LIMITS_OFF } from '../../src/proxy/config';
import { wireApp } from '../../src/proxy/wire-app';
import { mapLimit } from '../../src/proxy/workers/map-limit';
import type { RecordedCall } from '../../test/fakes/fake-server';
import type { BenchFake, BenchSystem } from './bench-systems';

export interface ProxyRun {
  /** Milliseconds each POST took, client side, body read. */
  postMs: number[];
  /** From the first POST sent to the last answered. */
  postWallMs: number;
  /** Per request, from its `created_at` to its relay job's `done_at`. */
  settleMs: number[];
  /** From the first request's `created_at` to the last job's `done_at`. */
  settleWallMs: number;
  /** Every call the fake received, in order. */
  calls: RecordedCall[];
  /** What is wrong with the outcome (a request not sent, a recipient missing or twice), if anything. */
  problem?: string;
}

const TOKEN = 'relay-bench-token';
const HEADERS = {
  Accept: 'application/vnd.customersure.v1+json',
  'User-Agent': 'relay-bench',
  Authorization: `Token token="${TOKEN}"`,
  'Content-Type': 'application/json',
};

/**
 * The proxy as `main.ts` wires it (wireApp, on a loopback port, workers
 * started), with a fresh SQLite file and org acme relaying to `system`'s
 * fake: POSTs `requests` feedback requests `lanes` at a time, waits until
 * the relay worker has settled every one, and reads the timings back from
 * the database. The fake is left running for the direct baseline.
 */
export async function relayThroughProxy(
  system: BenchSystem,
  fake: BenchFake,
  { repoRoot, requests, lanes }: { repoRoot: string; requests: number; lanes: number },
): Promise<ProxyRun> {
  const dir = mkdtempSync(join(tmpdir(), 'relay-bench-'));
  const surveysDir = join(dir, 'surveys');
  const databasePath = join(dir, 'relay.sqlite');
  cpSync(join(repoRoot, 'demo/surveys'), surveysDir, { recursive: true });
  writeFileSync(join(surveysDir, 'acme/_relay.json'), JSON.stringify(system.relayFile(fake.server.url)));
  const { app, store, workers } = await wireApp(
    {
      surveysDir,
      databasePath,
      demoDir: join(repoRoot, 'demo'),
      allowedOrigins: [],
      widgetScriptPath: join(repoRoot, 'dist/survey_widget.js'),
      apiTokens: [{ org: 'acme', token: TOKEN }],
      secrets: (name) => system.secrets[name],
      relay: DEFAULT_RELAY_CONFIG,
      // Hundreds of feedback requests from loopback at once: a load, not an abuser.
      rateLimits: RATE_LIMITS_OFF,
    },
    (message) => console.error(message),
  );
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => (server.listening ? resolve() : server.once('listening', () => resolve())));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  workers.start();
  try {
    const emails = Array.from({ length: requests }, (_, i) => `bench-${i}@example.com`);
    const posted = await postRequests(origin, emails, lanes);
    for (const deadline = Date.now() + 60_000; (await store.jobs.pending(['relay'])) > 0; ) {
      if (Date.now() > deadline) throw new Error('the relay worker did not settle every request within 60 s');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const timings = readSettleTimings(databasePath);
    return { ...posted, ...timings, calls: [...fake.server.calls], problem: timings.problem ?? checkRecipients(fake.recipients(), emails) };
  } finally {
    await workers.stop();
    await new Promise((resolve) => server.close(resolve));
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One feedback request per email, `lanes` at a time, each timed from sending to its reply read. */
async function postRequests(origin: string, emails: readonly string[], lanes: number): Promise<{ postMs: number[]; postWallMs: number }> {
  const postMs: number[] = [];
  const started = performance.now();
  await mapLimit(emails, lanes, async (email) => {
    const body = { email, send_at: new Date().toISOString(), survey_id: 1484, email_template_id: 10, first_name: 'Ann', data: [{ key: 'site_code', value: 'newcastle' }] };
    const sent = performance.now();
    const res = await fetch(`${origin}/api/feedback_requests`, { method: 'POST', headers: HEADERS, body: JSON.stringify(body) });
    const text = await res.text();
    if (res.status !== 201) throw new Error(`POST /api/feedback_requests answered ${res.status}: ${text.slice(0, 300)}`);
    postMs.push(performance.now() - sent);
  });
  return { postMs, postWallMs: performance.now() - started };
}

/** POST-to-settled per request, read from what the proxy stored: `created_at` and its relay job's `done_at`. */
function readSettleTimings(databasePath: string): { settleMs: number[]; settleWallMs: number; problem?: string } {
  const db = new Database(databasePath, { readonly: true });
  try {
    const rows = db
      .prepare(`SELECT r.state, r.created_at, j.done_at FROM feedback_requests r JOIN jobs j ON j.subject_id = r.id AND j.kind = 'relay'`)
      .all() as { state: string; created_at: string; done_at: string | null }[];
    const notSent = rows.filter((r) => r.state !== 'sent' || r.done_at === null).length;
    const created = rows.map((r) => Date.parse(r.created_at));
    const done = rows.map((r) => Date.parse(r.done_at ?? r.created_at));
    return {
      settleMs: rows.map((_, i) => done[i]! - created[i]!),
      settleWallMs: Math.max(...done) - Math.min(...created),
      problem: notSent ? `${notSent} requests not sent` : undefined,
    };
  } finally {
    db.close();
  }
}

function checkRecipients(got: readonly string[], expected: readonly string[]): string | undefined {
  if (got.length !== expected.length) return `the fake accepted ${got.length} invitations for ${expected.length} requests`;
  const missing = expected.length - new Set(got).size;
  return missing ? `${missing} recipients missing at the fake` : undefined;
}
