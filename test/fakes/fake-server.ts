/**
 * The base of every contract fake: a seed system's API as a loopback HTTP
 * server (a Hono app behind @hono/node-server on 127.0.0.1 and a free port),
 * recording every call and failing on demand, so relay tests talk real HTTP
 * to something that enforces the seed's rules and can misbehave like the
 * real service: 5xx, 429 with Retry-After, a reset connection, a hang.
 */
import type { AddressInfo } from 'node:net';
import type { ServerResponse } from 'node:http';
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

export interface FakeServerOptions {
  /** The loopback port (default 0: a free one); `npm start`'s demo pins one so its relay file can name it. */
  port?: number;
  /**
   * Awaited after the rules have acted on a request, before its reply is written: a delay that keeps
   * calls in flight, or a gate a test opens later. A reply held while the client dies is a lost reply:
   * the system acted, the client never heard.
   */
  beforeReply?: (call: RecordedCall) => Promise<void>;
  /** Told, for each call the rules answered, whether its reply was written (false: the connection closed first). */
  afterReply?: (call: RecordedCall, written: boolean) => void;
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
export async function startFakeServer(handle: (request: Request) => Response | Promise<Response>, options: FakeServerOptions = {}): Promise<FakeServer> {
  const calls: RecordedCall[] = [];
  const faults: QueuedFault[] = [];
  const hanging: (() => void)[] = [];
  const server = serve({
    port: options.port ?? 0,
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
      const recorded: RecordedCall = { ...call, outcome: response.status };
      calls.push(recorded);
      const { afterReply } = options;
      if (afterReply) onReplyWritten((env as HttpBindings).outgoing, (written) => afterReply(recorded, written));
      await options.beforeReply?.(recorded);
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

/**
 * Calls `told` once: true when the reply was handed to the socket ('finish'), false when the
 * connection closed before that (the client died or hung up while the reply was held).
 */
function onReplyWritten(outgoing: ServerResponse, told: (written: boolean) => void): void {
  let done = false;
  const settle = (written: boolean) => {
    if (done) return;
    done = true;
    told(written);
  };
  outgoing.once('finish', () => settle(true));
  outgoing.once('close', () => settle(false));
}
