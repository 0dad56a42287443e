import { Agent, createServer, request as forward, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request through the front, recorded once its reply is over. */
export interface Exchange {
  method: string;
  /** Path and query. */
  url: string;
  /** The backend it was sent to. */
  backend: string;
  status: number;
  /** Who answered: the backend, or the front itself (a 502 when the backend refused or reset). */
  by: 'backend' | 'front';
  /** The request body as far as it was received (all of it whenever a backend answered). */
  body: string;
}

export interface RoundRobinFront {
  /** `http://127.0.0.1:{port}`: where pages and API clients go. */
  origin: string;
  /** Every request so far, in the order their replies ended. */
  exchanges: Exchange[];
  close(): Promise<void>;
}

export interface FrontOptions {
  /**
   * How long a backend that refused or reset a connection is left out of the
   * rotation before it is tried again (nginx's `fail_timeout` with `max_fails=1`).
   */
  failTimeoutMs?: number;
}

// RFC 9110 §7.6.1: connection-specific headers are the hop's own, never forwarded.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'te', 'trailer', 'upgrade']);

/**
 * A load balancer in front of several proxy instances, like nginx's default
 * upstream: each request goes to the next backend in turn, bodies stream
 * through both ways, status and headers are kept (Host too, as
 * `proxy_set_header Host $host` does). A backend that refuses or resets the
 * connection before answering earns that request a 502 from the front, with
 * no retry on another backend (`proxy_next_upstream off`): the client must
 * retry, which is what the widget's outbox is for. That backend then sits out
 * `failTimeoutMs`, so a dead one costs a 502 now and then, not every third request.
 */
export async function startRoundRobinFront(backends: readonly string[], { failTimeoutMs = 1_000 }: FrontOptions = {}): Promise<RoundRobinFront> {
  const exchanges: Exchange[] = [];
  const downUntil = new Map<string, number>();
  // A connection per request, as nginx's proxy_pass by default (HTTP/1.0 upstream): a kept-alive one
  // races the backend's idle timeout, and a reset then would be the front's fault, not the backend's.
  const agent = new Agent({ keepAlive: false });
  let turn = 0;

  /** The next backend in turn that is not sitting out; when all are, the next one regardless. */
  const pick = (): string => {
    for (let i = 0; i < backends.length; i++) {
      const backend = backends[turn++ % backends.length]!;
      if ((downUntil.get(backend) ?? 0) <= Date.now()) return backend;
    }
    return backends[turn++ % backends.length]!;
  };

  const server = createServer((req, res) => {
    const backend = pick();
    const chunks: Buffer[] = [];
    let by: Exchange['by'] = 'backend';
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.once('close', () => {
      exchanges.push({ method: req.method!, url: req.url!, backend, status: res.statusCode, by, body: Buffer.concat(chunks).toString() });
      // The client hung up first: the backend's side of this request goes too.
      if (!res.writableFinished) upstream.destroy();
    });
    const upstream = forward(`${backend}${req.url}`, { method: req.method, headers: endToEnd(req.headers), agent }, (reply) => {
      res.writeHead(reply.statusCode!, reply.statusMessage, endToEndRaw(reply.rawHeaders));
      reply.pipe(res);
      // Cut mid-body (the backend died): the client must see a broken reply, not a short one.
      reply.once('close', () => void (reply.complete || res.destroy()));
    });
    // `on`, not `once`: the request body still piping in may raise a second error on the dead socket.
    upstream.on('error', (error) => {
      if (by === 'front' || res.writableEnded) return;
      if (res.headersSent) return void res.destroy();
      by = 'front';
      downUntil.set(backend, Date.now() + failTimeoutMs);
      res.writeHead(502, { 'content-type': 'text/plain' }).end(`502 Bad Gateway (${backend}: ${error.message})`);
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', () => resolve()));

  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    exchanges,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      agent.destroy();
    },
  };
}

function endToEnd(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name)));
}

/** Raw headers (name, value, name, value…) without hop-by-hop ones; repeated headers stay repeated. */
function endToEndRaw(raw: string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < raw.length; i += 2) {
    if (!HOP_BY_HOP.has(raw[i]!.toLowerCase())) kept.push(raw[i]!, raw[i + 1]!);
  }
  return kept;
}
