import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { limitBody } from '../../src/proxy/limit-body';

/** An app that echoes the body's length behind a 1 KiB limit, counting the bodies its handler read. */
function echoApp() {
  const app = new Hono();
  const read: number[] = [];
  app.post('/', limitBody(1024, () => new Response('too large', { status: 413 })), async (c) => {
    const text = await c.req.text();
    read.push(text.length);
    return c.text(String(text.length));
  });
  return { app, read };
}

function streamed(...chunks: string[]): RequestInit {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
      controller.close();
    },
  });
  return { method: 'POST', body, duplex: 'half' } as RequestInit;
}

describe('limitBody()', () => {
  it('lets a body that declares a length within the limit through to the handler, whole', async () => {
    const { app } = echoApp();
    const res = await app.request('/', { method: 'POST', headers: { 'Content-Length': '1024' }, body: 'x'.repeat(1024) });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('1024');
  });

  it('refuses a body that declares a length over the limit without the handler reading it', async () => {
    const { app, read } = echoApp();
    const res = await app.request('/', { method: 'POST', headers: { 'Content-Length': '1025' }, body: 'x'.repeat(1025) });
    expect(res.status).toBe(413);
    expect(read).toEqual([]);
  });

  it('counts a body sent without a length and refuses it once it passes the limit', async () => {
    const { app, read } = echoApp();
    const res = await app.request('/', streamed('x'.repeat(600), 'x'.repeat(600)));
    expect(res.status).toBe(413);
    expect(read).toEqual([]);
  });

  it('lets a body sent without a length through when it stays within the limit', async () => {
    const { app } = echoApp();
    const res = await app.request('/', streamed('x'.repeat(500), 'x'.repeat(500)));
    expect(await res.text()).toBe('1000');
  });
});
