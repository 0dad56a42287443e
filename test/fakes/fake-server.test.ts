import { afterEach, describe, expect, it } from 'vitest';
import { startFakeServer, type FakeServer } from './fake-server';

const open: FakeServer[] = [];
afterEach(async () => {
  for (const fake of open.splice(0)) await fake.close();
});
async function fake(): Promise<FakeServer> {
  const server = await startFakeServer((request) => Response.json({ echo: new URL(request.url).pathname }, { status: 201 }));
  open.push(server);
  return server;
}

describe('a fake server', () => {
  it('answers from its rules on loopback and records every call', async () => {
    const server = await fake();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${server.url}/v2/things?x=1`, { method: 'POST', body: 'hello', headers: { 'X-Key': 'k' } });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ echo: '/v2/things' });
    expect(server.calls).toEqual([expect.objectContaining({ method: 'POST', path: '/v2/things', body: 'hello', outcome: 201, headers: expect.objectContaining({ 'x-key': 'k' }) })]);
    expect(server.calls[0]?.query.get('x')).toBe('1');
  });

  it('plays a queued status, with its headers, as many times as asked, only for matching calls', async () => {
    const server = await fake();
    server.failNext({ kind: 'status', status: 429, headers: { 'Retry-After': '2' } }, { times: 2, match: (c) => c.path === '/busy' });
    expect((await fetch(`${server.url}/other`)).status).toBe(201);
    const first = await fetch(`${server.url}/busy`);
    expect([first.status, first.headers.get('Retry-After')]).toEqual([429, '2']);
    expect((await fetch(`${server.url}/busy`)).status).toBe(429);
    expect((await fetch(`${server.url}/busy`)).status).toBe(201);
  });

  it('resets a connection without a reply', async () => {
    const server = await fake();
    server.failNext({ kind: 'reset' });
    await expect(fetch(`${server.url}/x`)).rejects.toThrow();
    expect(server.calls.map((c) => c.outcome)).toEqual(['reset']);
  });

  it('hangs until the client gives up', async () => {
    const server = await fake();
    server.failNext({ kind: 'hang' });
    await expect(fetch(`${server.url}/x`, { signal: AbortSignal.timeout(200) })).rejects.toThrow();
    expect(server.calls.map((c) => c.outcome)).toEqual(['hang']);
  });

  it('holds a reply until beforeReply lets it go, and tells whether it was written or the client had gone', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const written: [string, boolean][] = [];
    const server = await startFakeServer(() => new Response('done'), {
      beforeReply: (call) => (call.path === '/held' ? held : Promise.resolve()),
      afterReply: (call, ok) => written.push([call.path, ok]),
    });
    open.push(server);
    expect(await (await fetch(`${server.url}/quick`)).text()).toBe('done');
    // The client gives up while the reply is held: the fake acted, the client never hears of it.
    await expect(fetch(`${server.url}/held`, { signal: AbortSignal.timeout(200) })).rejects.toThrow();
    await until(() => written.length === 2);
    release();
    expect(written).toEqual([['/quick', true], ['/held', false]]);
    expect(server.calls.map((c) => c.path)).toEqual(['/quick', '/held']);
  });
});

async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > 2_000) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
