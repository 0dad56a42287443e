/**
 * The HTTP server's own limits, against the built proxy in its own process
 * (`node dist/proxy/main.js`, as `npm run serve` runs it) with short timeouts:
 * a client that sends its headers or its body a byte at a time is cut off
 * after about the configured timeout, not Node's default 300 s; connections
 * past MAX_CONNECTIONS are closed at once; and the dashboard's live feed,
 * whose reply streams for as long as it is read, is not cut by any of it.
 */
import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validPayload } from '../proxy/fixtures';
import { REPO } from './harness';
import { freePort, spawnProxy, type ProxyChild } from './relay-crash/proxy-child';

const HEADERS_TIMEOUT_MS = 1000;
const REQUEST_TIMEOUT_MS = 2000;
const MAX_CONNECTIONS = 3;
const TOKEN = 'server-limits-token';
/** Node checks its timeouts every half headers timeout here; a busy 2-core machine adds the rest. */
const SLACK_MS = 1500;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const dir = mkdtempSync(join(tmpdir(), 'server-limits-'));
const started: ProxyChild[] = [];

/** The proxy with the short timeouts, `extra` on top. */
async function start(extra: Record<string, string> = {}): Promise<ProxyChild> {
  const proxy = await spawnProxy(REPO, await freePort(), {
    SURVEYS_DIR: join(dir, 'surveys'),
    DATABASE_PATH: join(dir, `${started.length}.sqlite`),
    API_TOKENS: `acme:${TOKEN}`,
    HEADERS_TIMEOUT_SECONDS: String(HEADERS_TIMEOUT_MS / 1000),
    REQUEST_TIMEOUT_SECONDS: String(REQUEST_TIMEOUT_MS / 1000),
    RELAY_POLL_MS: '60000',
    ...extra,
  });
  started.push(proxy);
  return proxy;
}

/** A raw TCP connection to the proxy, connected; errors (a reset, a write after close) are the test's to read from `closed`. */
async function openSocket(origin: string): Promise<Socket> {
  const socket = connect(Number(new URL(origin).port), '127.0.0.1');
  socket.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  return socket;
}

/** Resolves, once the proxy closes `socket`, with what it sent and how long after `since` it closed. */
function closed(socket: Socket, since: number): Promise<{ data: string; ms: number }> {
  let data = '';
  socket.on('data', (chunk: Buffer) => void (data += chunk.toString()));
  return new Promise((resolve) => socket.once('close', () => resolve({ data, ms: Date.now() - since })));
}

/** Writes `line()` every 200 ms until the socket closes: a client that never finishes. */
function trickle(socket: Socket, line: (n: number) => string): void {
  let n = 0;
  const timer = setInterval(() => (socket.destroyed ? clearInterval(timer) : socket.write(line(n++))), 200);
  socket.once('close', () => clearInterval(timer));
}

beforeAll(() => {
  cpSync(join(REPO, 'demo/surveys'), join(dir, 'surveys'), { recursive: true });
  // The demo's relay file wants the Critizr fake's token; without it the proxy says so at start, which is noise here.
  rmSync(join(dir, 'surveys/acme/_relay.json'), { force: true });
});

afterAll(async () => {
  await Promise.all(started.map((proxy) => proxy.kill()));
  rmSync(dir, { recursive: true, force: true });
});

describe('the server’s timeouts', () => {
  let proxy: ProxyChild;
  beforeAll(async () => {
    proxy = await start();
  });

  it('answers 408 and closes a connection whose headers never finish (slowloris) after about the headers timeout', async () => {
    const socket = await openSocket(proxy.origin);
    const since = Date.now();
    const result = closed(socket, since);
    socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    trickle(socket, (n) => `X-Drip-${n}: a\r\n`);
    const { data, ms } = await result;
    expect(ms).toBeGreaterThanOrEqual(HEADERS_TIMEOUT_MS - 100);
    expect(ms).toBeLessThan(HEADERS_TIMEOUT_MS + SLACK_MS);
    expect(data).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
  });

  it('cuts off a body sent a byte at a time after about the request timeout with a 408', async () => {
    const socket = await openSocket(proxy.origin);
    const since = Date.now();
    const result = closed(socket, since);
    socket.write('POST /v1/responses HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{');
    trickle(socket, () => ' ');
    const { data, ms } = await result;
    expect(ms).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 100);
    expect(ms).toBeLessThan(REQUEST_TIMEOUT_MS + SLACK_MS);
    expect(data).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
    // Cutting off a client is no failure of the proxy's: nothing is logged as an internal error.
    expect(proxy.output()).not.toContain('internal error');
  });

  it('keeps the dashboard’s live feed open well past the request timeout, still delivering', async () => {
    const signIn = await fetch(`${proxy.origin}/dashboard/api/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token: TOKEN }) });
    expect(signIn.status).toBe(204);
    const cookie = (signIn.headers.get('Set-Cookie') ?? '').split(';')[0]!;
    const stop = new AbortController();
    const feed = await fetch(`${proxy.origin}/dashboard/api/events`, { headers: { Cookie: cookie }, signal: stop.signal });
    expect(feed.status).toBe(200);
    let text = '';
    const reading = (async () => {
      const reader = feed.body!.getReader();
      const decoder = new TextDecoder();
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text += decoder.decode(chunk.value, { stream: true });
    })().catch(() => undefined);
    try {
      await sleep(REQUEST_TIMEOUT_MS + SLACK_MS);
      const id = randomUUID();
      const posted = await fetch(`${proxy.origin}/v1/responses`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(validPayload({ id, submitted_at: new Date().toISOString() })),
      });
      expect(posted.status).toBe(201);
      await expect.poll(() => text, { timeout: 10_000, interval: 100 }).toContain('event: response');
    } finally {
      stop.abort();
      await reading;
    }
  });
});

describe('the connection cap', () => {
  it('closes the connection past MAX_CONNECTIONS unanswered, and serves again once one is freed', async () => {
    const proxy = await start({ MAX_CONNECTIONS: String(MAX_CONNECTIONS) });
    const request = 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n';
    const answered = async (socket: Socket) => {
      const reply = new Promise<string>((resolve) => socket.once('data', (chunk: Buffer) => resolve(chunk.toString())));
      socket.write(request);
      return reply;
    };
    const held = [];
    // Each answered once, so the server has surely taken it before the next one comes; keep-alive holds them open.
    for (let i = 0; i < MAX_CONNECTIONS; i++) {
      const socket = await openSocket(proxy.origin);
      expect(await answered(socket)).toMatch(/^HTTP\/1\.1 200 /);
      held.push(socket);
    }
    const extra = await openSocket(proxy.origin);
    const refused = closed(extra, Date.now());
    extra.write(request);
    const { data, ms } = await refused;
    expect(data).toBe('');
    expect(ms).toBeLessThan(1000);

    held[0]!.destroy();
    await sleep(200);
    const next = await openSocket(proxy.origin);
    expect(await answered(next)).toMatch(/^HTTP\/1\.1 200 /);
    for (const socket of [...held, next]) socket.destroy();
  });
});
