/**
 * The proxy killed with SIGKILL while responses stream in. It runs as its
 * own process here (`npm run serve`'s entry, the built dist/proxy/main.js), so
 * the kill is real: no handler runs, no connection closes cleanly. Every
 * response it acknowledged must be on disk after a restart on the same
 * database, and the widget's outbox must deliver every other one.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, readRows, REPO, WAIT_MS, WIDGET_SCRIPT } from './harness';
import { eventually, FAULT_SURVEYS, faultPage, outboxIds, report, submitResponse, tally } from './fault-kit';
import { freePort } from '../../scripts/net/free-port';

const dir = mkdtempSync(join(tmpdir(), 'survey-crash-'));
const databasePath = join(dir, 'responses.sqlite');
let browser: Browser | undefined;
let proxy: ChildProcess | undefined;

/** Starts the built dist/proxy/main.js in a child process and resolves once it listens. */
function startProxyProcess(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['dist/proxy/main.js'], {
    cwd: REPO,
    env: {
      ...process.env,
      PORT: String(port), HOST: '127.0.0.1', DATABASE_PATH: databasePath,
      SURVEYS_DIR: join(dir, 'surveys'), DEMO_DIR: join(dir, 'demo'), WIDGET_SCRIPT_PATH: WIDGET_SCRIPT,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the proxy did not start:\n${output}`)), WAIT_MS * 2);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('listening on')) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => reject(new Error(`the proxy exited with ${code}:\n${output}`)));
  });
}

function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

beforeAll(async () => {
  cpSync(join(REPO, 'demo/surveys'), join(dir, 'surveys'), { recursive: true });
  for (const [code, survey] of Object.entries(FAULT_SURVEYS)) writeFileSync(join(dir, 'surveys', 'acme', `${code}.json`), JSON.stringify(survey));
  mkdirSync(join(dir, 'demo'));
  writeFileSync(join(dir, 'demo', 'crash.html'), faultPage('fault-5'));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (proxy && proxy.exitCode === null) await killHard(proxy);
  rmSync(dir, { recursive: true, force: true });
});

describe('delivery across a proxy crash', () => {
  it('keeps every acknowledged response through SIGKILL, and the outbox delivers the rest after a restart', async () => {
    const port = await freePort();
    proxy = await startProxyProcess(port);
    const context = await browser!.newContext();
    context.setDefaultTimeout(WAIT_MS);
    const acknowledged = new Set<string>();
    const tabs = await Promise.all(Array.from({ length: 3 }, () => context.newPage()));
    for (const tab of tabs) {
      tab.on('response', (response) => {
        const request = response.request();
        if (request.method() === 'POST' && request.url().endsWith('/v1/responses') && response.ok()) {
          acknowledged.add((request.postDataJSON() as { id: string }).id);
        }
      });
      await tab.goto(`http://127.0.0.1:${port}/crash.html`);
    }

    // Three tabs send 15 responses each, back to back; the proxy is killed mid-stream.
    const markers = tabs.flatMap((_, t) => Array.from({ length: 15 }, (_, i) => `crash-tab${t}-${i}`));
    const streams = tabs.map(async (tab, t) => {
      for (const marker of markers.filter((m) => m.startsWith(`crash-tab${t}-`))) await submitResponse(tab, marker);
    });
    await eventually(() => expect(acknowledged.size).toBeGreaterThanOrEqual(15));
    const crashed = proxy;
    await killHard(crashed);
    const acknowledgedBeforeKill = acknowledged.size;
    await Promise.all(streams);
    const waiting = (await outboxIds(tabs[0]!)).length;

    proxy = await startProxyProcess(port);
    const stored = new Set(readRows(databasePath).map((row) => row.id));
    const lostAcknowledged = [...acknowledged].filter((id) => !stored.has(id));

    // Coming back online (or the next page load) sends what waits; retries would get there too, later.
    await Promise.all(tabs.map((tab) => tab.evaluate(() => window.dispatchEvent(new Event('online')))));
    await eventually(async () => expect(await outboxIds(tabs[0]!)).toEqual([]));
    const result = tally(readRows(databasePath), markers);
    report('SIGKILL while 3 tabs stream 45 responses', {
      'acknowledged before the kill': acknowledgedBeforeKill, 'acknowledged yet missing after restart': lostAcknowledged.length,
      'waiting in the outbox at restart': waiting, ...result,
    });
    expect(lostAcknowledged).toEqual([]);
    expect(waiting).toBeGreaterThan(0);
    expect(result).toEqual({ stored: 45, lost: 0, duplicated: 0 });
    await context.close();
  });
});
