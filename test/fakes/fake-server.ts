/**
 * The base of every contract fake: a seed system's API as a loopback HTTP
 * server (a Hono app behind @hono/node-server on 127.0.0.1 and a free port),
 * recording every call and failing on demand, so relay tests talk real HTTP
 * to something that enforces the seed's rules and can misbehave like the
 * real service: 5xx, 429 with Retry-After, a reset connection, a hang.
 */
import type { AddressInfo } from 'node:net';
import { serve, type HttpBindings } from '@hono/node-server';

/** How one request should fail instead of reaching the fake's rules. */
export type Fault =
  /** Answer this status (a 503, a 429 with `Retry-After`, a 401 mid-session…). */
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: string }
  /** Destroy the connection without a reply, as a crashed peer or a cut network does. */
  | { kind: 'reset' }
  /** Never answer (until the fake closes), as an overloaded peer does; the client must time out. */
  | { kind: 'hang' };

export interface RecordedCall {
  method: string;
  /** Path without the query string. */
  path: string;
  query: URLSearchParams;
  /** Header names lower-cased. */
  headers: Record<string, string>;
  body: string;
  /** The status the fake answered, or the fault it played. */
  outcome: number | 'reset' | 'hang';
}

export interface FaultOptions {
  /** How many matching requests fail this way (default 1). */
  times?: number;
  /** Only requests this accepts are failed (default: any). */
  match?: (call: Omit<RecordedCall, 'outcome'>) => boolean;
}

export interface FakeServer {
  /** `http://127.0.0.1:{port}`: the base URL a relay is pointed at. */
  url: string;
  /** Every request received, in order, faulted ones included. */
  calls: RecordedCall[];
  /** Queues a fault for the next matching request(s). */
  failNext(fault: Fault, options?: FaultOptions): void;
  close(): Promise<void>;
}

interface QueuedFault {
  fault: Fault;
  left: number;
  match: (call: Omit<RecordedCall, 'outcome'>) => boolean;
}

/**
 * Serves `handle` (the fake's rules, a web-standard handler) on loopback.
 *
 * @example
 * const fake = await startFakeServer(app.fetch);
 * fake.failNext({ kind: 'status', status: 429, headers: { 'Retry-After': '2' } });
 */
export async function startFakeServer(handle: (request: Request) => Response | Promise<Response>): Promise<FakeServer> {
  const calls: RecordedCall[] = [];
  const faults: QueuedFault[] = [];
  const hanging: (() => void)[] = [];
  const server = serve({
    port: 0,
    hostname: '127.0.0.1',
    fetch: async (request, env) => {
      const url = new URL(request.url);
      const body = await request.clone().text();
      const call = {
        method: request.method,
        path: url.pathname,
        query: url.searchParams,
        headers: Object.fromEntries([...request.headers].map(([k, v]) => [k.toLowerCase(), v])),
        body,
      };
      const queued = faults.find((f) => f.left > 0 && f.match(call));
      if (queued) {
        queued.left -= 1;
        const { fault } = queued;
        if (fault.kind === 'reset') {
          calls.push({ ...call, outcome: 'reset' });
          (env as HttpBindings).incoming.socket.destroy();
          return new Response(null, { status: 500 });
        }
        if (fault.kind === 'hang') {
          calls.push({ ...call, outcome: 'hang' });
          await new Promise<void>((resolve) => hanging.push(resolve));
          return new Response(null, { status: 503 });
        }
        calls.push({ ...call, outcome: fault.status });
        return new Response(fault.body ?? '', { status: fault.status, headers: fault.headers });
      }
      const response = await handle(request);
      calls.push({ ...call, outcome: response.status });
      return response;
    },
  });
  await new Promise<void>((resolve, reject) => {
    if (server.listening) resolve();
    else server.once('listening', () => resolve()).once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    failNext(fault, { times = 1, match = () => true } = {}) {
      faults.push({ fault, left: times, match });
    },
    async close() {
      for (const release of hanging.splice(0)) release();
      if ('closeAllConnections' in server) server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
