import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createGracefulShutdown, readShutdownGraceMs, type DrainableServer } from '../../src/proxy/graceful-shutdown';
import { testApp } from './fixtures';

/** A node:http server as the shutdown sees it: it closes when the test says its last connection went. */
function fakeServer() {
  const events = new EventEmitter();
  let onClosed: (() => void) | undefined;
  const calls: string[] = [];
  const server: DrainableServer = {
    close: (callback) => {
      calls.push('close');
      onClosed = () => callback?.();
    },
    closeIdleConnections: () => void calls.push('closeIdle'),
    closeAllConnections: () => {
      calls.push('closeAll');
      onClosed?.();
    },
    on: (event, listener) => events.on(event, listener),
  };
  return {
    server,
    calls,
    /** The last open connection closed. */
    lastConnectionGone: () => onClosed?.(),
    /** A request arrives; its response has not started. */
    request: () => {
      const response = Object.assign(new EventEmitter(), { headersSent: false, headers: {} as Record<string, string>, setHeader: (name: string, value: string) => void (response.headers[name] = value) });
      events.emit('request', {} as IncomingMessage, response as unknown as ServerResponse);
      return response;
    },
  };
}

/** Timers the test moves by hand. */
function manualClock() {
  let now = 0;
  let timers: { at: number; fn: () => void }[] = [];
  return {
    setTimer: (fn: () => void, ms: number) => {
      const timer = { at: now + ms, fn };
      timers.push(timer);
      return timer;
    },
    clearTimer: (timer: unknown) => void (timers = timers.filter((t) => t !== timer)),
    advance(ms: number) {
      const end = now + ms;
      for (let next = timers.find((t) => t.at <= end); next; next = timers.sort((a, b) => a.at - b.at).find((t) => t.at <= end)) {
        timers = timers.filter((t) => t !== next);
        now = next.at;
        next.fn();
      }
      now = end;
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function setUp(options: { workersStop?: () => Promise<void> } = {}) {
  const fake = fakeServer();
  const clock = manualClock();
  const order: string[] = [];
  const lines: string[] = [];
  const begun = new AbortController();
  const shutdown = createGracefulShutdown({
    server: fake.server,
    begun,
    stopWorkers: options.workersStop ?? (async () => void order.push('workers stopped')),
    closeStore: async () => void order.push('database closed'),
    graceMs: 8000,
    log: (line) => lines.push(line),
    ...clock,
  });
  return { fake, clock, order, lines, begun, shutdown };
}

describe('createGracefulShutdown()', () => {
  it('stops accepting at once, and closes the database only after the last request finished', async () => {
    const { fake, order, begun, shutdown } = setUp();
    const done = shutdown.run('SIGTERM');
    expect(begun.signal.aborted).toBe(true);
    expect(fake.calls.slice(0, 2)).toEqual(['close', 'closeIdle']);
    await settle();
    expect(order).toEqual(['workers stopped']);
    fake.lastConnectionGone();
    expect(await done).toBe(true);
    expect(order).toEqual(['workers stopped', 'database closed']);
  });

  it('keeps closing keep-alive connections that go idle while others drain', async () => {
    const { fake, clock, shutdown } = setUp();
    void shutdown.run('SIGTERM');
    clock.advance(200);
    expect(fake.calls.filter((c) => c === 'closeIdle').length).toBeGreaterThanOrEqual(4);
    fake.lastConnectionGone();
  });

  it('cuts the connections still open after the grace, then closes the database and reports it', async () => {
    const { fake, clock, order, lines, shutdown } = setUp();
    fake.request();
    const done = shutdown.run('SIGINT');
    clock.advance(7999);
    expect(fake.calls).not.toContain('closeAll');
    clock.advance(1);
    expect(fake.calls).toContain('closeAll');
    expect(await done).toBe(true);
    expect(order).toEqual(['workers stopped', 'database closed']);
    expect(lines.join('\n')).toContain('1 request(s) still open after 8 s, closing their connections');
  });

  it('tells a client whose response has not started, or who asks during the drain, to close its connection', async () => {
    const { fake, shutdown } = setUp();
    const before = fake.request();
    const started = Object.assign(fake.request(), { headersSent: true });
    void shutdown.run('SIGTERM');
    const during = fake.request();
    expect(before.headers).toEqual({ Connection: 'close' });
    expect(during.headers).toEqual({ Connection: 'close' });
    expect(started.headers).toEqual({});
    fake.lastConnectionGone();
  });

  it('closes the database after the grace even if a worker never settles its job', async () => {
    const { fake, clock, order, lines, shutdown } = setUp({ workersStop: () => new Promise<void>(() => undefined) });
    const done = shutdown.run('SIGTERM');
    fake.lastConnectionGone();
    await settle();
    expect(order).toEqual([]);
    clock.advance(8000);
    expect(await done).toBe(true);
    expect(order).toEqual(['database closed']);
    expect(lines.join('\n')).toContain('their jobs return to the queue when their leases end');
  });

  it('runs once, however many signals ask', async () => {
    const { fake, lines, shutdown } = setUp();
    const first = shutdown.run('SIGTERM');
    expect(shutdown.run('SIGINT')).toBe(first);
    fake.lastConnectionGone();
    await first;
    expect(lines.filter((l) => l.includes('shutting down'))).toEqual(['[survey-proxy] SIGTERM: shutting down; no new connections, in-flight requests and jobs have 8 s']);
  });

  it('logs one line per phase', async () => {
    const { fake, lines, shutdown } = setUp();
    const done = shutdown.run('SIGTERM');
    fake.lastConnectionGone();
    await done;
    expect(lines.map((l) => l.replace(/^\[survey-proxy\] (shutdown: )?/, '').split(/[;,]/)[0])).toEqual([
      'SIGTERM: shutting down',
      'in-flight requests finished',
      'workers stopped',
      'database closed',
    ]);
  });
});

describe('readShutdownGraceMs()', () => {
  it('defaults to 8 s, under docker stop’s 10 s', () => {
    expect(readShutdownGraceMs({})).toBe(8000);
    expect(readShutdownGraceMs({ SHUTDOWN_GRACE_SECONDS: ' ' })).toBe(8000);
  });

  it('reads seconds, fractions included', () => {
    expect(readShutdownGraceMs({ SHUTDOWN_GRACE_SECONDS: '25' })).toBe(25_000);
    expect(readShutdownGraceMs({ SHUTDOWN_GRACE_SECONDS: '0.5' })).toBe(500);
  });

  it.each(['-1', 'ten', '3601'])('refuses %j, naming the variable', (raw) => {
    expect(() => readShutdownGraceMs({ SHUTDOWN_GRACE_SECONDS: raw })).toThrow(`SHUTDOWN_GRACE_SECONDS must be a number from 0 to 3600, got "${raw}"`);
  });
});

describe('the dashboard’s live feed when shutdown begins', () => {
  it('ends its stream, so an open dashboard never holds the shutdown open', async () => {
    const shutdown = new AbortController();
    const { app, store } = await testApp({ shutdown: shutdown.signal, eventsPollMs: 20 });
    const { token } = await store.tokens.create('acme', 'shutdown test', new Date());
    const signIn = await app.request('/dashboard/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token }) });
    const cookie = (signIn.headers.get('Set-Cookie') ?? '').split(';')[0] ?? '';
    const res = await app.request('/dashboard/api/events', { headers: { Cookie: cookie } });
    const reader = res.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toContain('event: ready');
    await new Promise((resolve) => setTimeout(resolve, 60));
    shutdown.abort();
    const ended = (async () => {
      while (!(await reader.read()).done);
      return 'ended';
    })();
    const late = new Promise<string>((resolve) => setTimeout(() => resolve('still open after 2 s'), 2000));
    expect(await Promise.race([ended, late])).toBe('ended');
    await store.close();
  });
});
