/**
 * The compiled proxy (`node dist/proxy/main.js`, what `npm run serve` runs,
 * no TypeScript loader) stopped the way a process manager stops it. On
 * SIGTERM or SIGINT it stops accepting, lets a request already in flight
 * finish with its normal answer, ends a dashboard's live stream, closes the
 * database and exits 0, leaving its port free; every response it
 * acknowledged is in the database afterwards. A second signal exits at once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request, type IncomingMessage } from 'node:http';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { validPayload } from '../proxy/fixtures';
import { REPO } from './harness';
import { freePort } from '../../scripts/net/free-port';

const MAIN = join(REPO, 'dist/proxy/main.js');
const TOKEN = 'acme:shutdown-e2e-token';
/** Long, so a test that passes proves the proxy did not merely wait the grace out. */
const GRACE_SECONDS = 30;

const dir = mkdtempSync(join(tmpdir(), 'survey-shutdown-'));
const started: ChildProcess[] = [];

beforeAll(() => {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npm run build\` first`);
});
afterEach(() => {
  // A failed test must not leave a proxy behind.
  for (const child of started.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface BuiltProxy {
  child: ChildProcess;
  port: number;
  databasePath: string;
  output(): string;
  /** Resolves with the exit code (or signal) and when it came. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  /** Resolves once the proxy has printed `text`. */
  printed(text: string): Promise<void>;
}

/** Starts the built proxy on a free port with a database of its own, only PATH, HOME and TMPDIR inherited. */
async function startBuilt(): Promise<BuiltProxy> {
  const port = await freePort();
  const databasePath = join(dir, `${randomUUID()}.sqlite`);
  const inherited = Object.fromEntries(['PATH', 'HOME', 'TMPDIR'].flatMap((name) => (process.env[name] ? [[name, process.env[name]]] : [])));
  const child = spawn(process.execPath, [MAIN], {
    cwd: REPO,
    env: { ...inherited, PORT: String(port), HOST: '127.0.0.1', DATABASE_PATH: databasePath, SURVEYS_DIR: join(REPO, 'demo/surveys'), API_TOKENS: TOKEN, SHUTDOWN_GRACE_SECONDS: String(GRACE_SECONDS) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let output = '';
  const waiters: (() => void)[] = [];
  const read = (chunk: Buffer) => {
    output += chunk.toString();
    for (const wake of waiters.splice(0)) wake();
  };
  child.stdout!.on('data', read);
  child.stderr!.on('data', read);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() })));
  const printed = (text: string) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the proxy did not print "${text}" within 20 s:\n${output}`)), 20_000);
      const look = () => {
        if (output.includes(text)) {
          clearTimeout(timer);
          resolve();
        } else waiters.push(look);
      };
      look();
    });
  await Promise.race([printed('Survey proxy listening on'), exited.then(() => Promise.reject(new Error(`the proxy exited before listening:\n${output}`)))]);
  return { child, port, databasePath, output: () => output, exited, printed };
}

/** Resolves true when a fresh TCP connection to `port` is refused. */
function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

/** Resolves once `port` can be listened on again. */
function bindable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

interface Answer {
  status: number;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A response POSTed in two halves: `finish()` sends the rest and resolves with the proxy's answer. */
function trickledResponse(port: number, payload: Record<string, unknown>) {
  const body = Buffer.from(JSON.stringify(payload));
  const req = request({ port, host: '127.0.0.1', method: 'POST', path: '/v1/responses', headers: { 'Content-Type': 'application/json', 'Content-Length': body.length } });
  const answer = new Promise<Answer>((resolve, reject) => {
    req.once('response', (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      res.once('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.once('error', reject);
  });
  // A test that kills the proxy first reads the failure through finish(); until then it is no unhandled rejection.
  answer.catch(() => undefined);
  const half = Math.floor(body.length / 2);
  req.flushHeaders();
  req.write(body.subarray(0, half));
  return {
    finish: () => {
      req.end(body.subarray(half));
      return answer;
    },
  };
}

/** One whole request; resolves with the answer. */
function send(port: number, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const text = body === undefined ? undefined : JSON.stringify(body);
    const req = request({ port, host: '127.0.0.1', method, path, headers: { ...(text ? { 'Content-Type': 'application/json' } : {}), ...headers } }, (res) => {
      let received = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (received += chunk));
      res.once('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: received }));
    });
    req.once('error', reject);
    req.end(text);
  });
}

/** Opens the dashboard's live feed; resolves once its `ready` event arrived, with a promise of its end. */
async function openLiveFeed(port: number): Promise<{ ended: Promise<void> }> {
  const signIn = await send(port, 'POST', '/dashboard/api/session', { token: TOKEN.split(':')[1] });
  expect(signIn.status).toBe(204);
  const cookie = String(signIn.headers['set-cookie']?.[0]).split(';')[0]!;
  return new Promise((resolve, reject) => {
    const req = request({ port, host: '127.0.0.1', path: '/dashboard/api/events', headers: { Cookie: cookie } }, (res) => {
      const ended = new Promise<void>((done) => res.once('end', done).once('close', done));
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => {
        text += chunk;
        if (text.includes('event: ready')) resolve({ ended });
      });
    });
    req.once('error', reject);
    req.end();
  });
}

function storedIds(databasePath: string): string[] {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT uuid FROM responses ORDER BY id').all() as { uuid: string }[]).map((row) => row.uuid);
  } finally {
    db.close();
  }
}

describe('the built proxy, stopped by a signal', () => {
  it('on SIGTERM refuses new connections, finishes the request in flight, ends the live feed, and exits 0 with everything stored', async () => {
    const proxy = await startBuilt();
    const acknowledged = randomUUID();
    expect((await send(proxy.port, 'POST', '/v1/responses', validPayload({ id: acknowledged, submitted_at: new Date().toISOString() }))).status).toBe(201);
    const feed = await openLiveFeed(proxy.port);
    const inFlight = randomUUID();
    const trickle = trickledResponse(proxy.port, validPayload({ id: inFlight, submitted_at: new Date().toISOString() }));
    // The proxy has the request's headers and half its body when the signal lands.
    await new Promise((resolve) => setTimeout(resolve, 300));

    const signalledAt = Date.now();
    proxy.child.kill('SIGTERM');
    await proxy.printed('SIGTERM: shutting down');
    expect(await refused(proxy.port)).toBe(true);
    await feed.ended;
    expect(proxy.child.exitCode).toBeNull();

    const answer = await trickle.finish();
    expect(answer.status).toBe(201);
    expect(JSON.parse(answer.body)).toMatchObject({ id: inFlight });
    // It was answered during the drain: the client is told to reconnect, and not here.
    expect(answer.headers.connection).toBe('close');

    const exit = await proxy.exited;
    expect(exit).toMatchObject({ code: 0, signal: null });
    expect(exit.at - signalledAt).toBeLessThan((GRACE_SECONDS * 1000) / 2);
    expect(proxy.output()).toMatch(/in-flight requests finished[\s\S]*database closed/);
    expect(await bindable(proxy.port)).toBe(true);
    expect(storedIds(proxy.databasePath)).toEqual([acknowledged, inFlight]);
  });

  it('on SIGINT (Ctrl-C) exits 0 with an idle keep-alive connection open, and frees its port', async () => {
    const proxy = await startBuilt();
    const probe = await send(proxy.port, 'GET', '/readyz', undefined, { Connection: 'keep-alive' });
    expect(probe.status).toBe(200);
    const signalledAt = Date.now();
    proxy.child.kill('SIGINT');
    const exit = await proxy.exited;
    expect(exit).toMatchObject({ code: 0, signal: null });
    expect(exit.at - signalledAt).toBeLessThan((GRACE_SECONDS * 1000) / 2);
    expect(proxy.output()).toContain('SIGINT: shutting down');
    expect(await bindable(proxy.port)).toBe(true);
  });

  it('exits at once on a second signal, without waiting for the request in flight', async () => {
    const proxy = await startBuilt();
    const trickle = trickledResponse(proxy.port, validPayload({ id: randomUUID(), submitted_at: new Date().toISOString() }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    proxy.child.kill('SIGTERM');
    await proxy.printed('SIGTERM: shutting down');
    const againAt = Date.now();
    proxy.child.kill('SIGTERM');
    const exit = await proxy.exited;
    expect(exit.code).toBe(128 + 15);
    expect(exit.at - againAt).toBeLessThan(5000);
    await expect(trickle.finish()).rejects.toThrow();
  });
});

describe('the built proxy', () => {
  it('runs on plain node: no loader in its command line, and it imports only runtime dependencies', async () => {
    const proxy = await startBuilt();
    const commandLine = readFileSync(`/proc/${proxy.child.pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    expect(commandLine).toEqual([process.execPath, MAIN]);
    expect(readFileSync(`/proc/${proxy.child.pid}/environ`, 'utf8')).not.toContain('NODE_OPTIONS=');
    proxy.child.kill('SIGTERM');
    expect((await proxy.exited).code).toBe(0);

    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const imported = [...readFileSync(MAIN, 'utf8').matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1]!).filter((name) => !name.startsWith('node:'));
    const packages = new Set(imported.map((name) => name.split('/').slice(0, name.startsWith('@') ? 2 : 1).join('/')));
    expect([...packages].filter((name) => !(name in pkg.dependencies))).toEqual([]);
    expect(pkg.dependencies).not.toHaveProperty('tsx');
  });
});
