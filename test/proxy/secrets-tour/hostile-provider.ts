import { startFakeServer, type FakeServer } from '../../fakes/fake-server';

/**
 * How the hostile provider answers: a status, with the echo as JSON (in every
 * field an adapter quotes) or as plain text; `created` is a proper 201 with an
 * id (Critizr's), the echo riding along.
 */
export interface HostileReply {
  status: number;
  style: 'json' | 'text' | 'created';
}

/** The four answers every relay call meets in the tour, each echoing the request back. */
export const HOSTILE_REPLIES: readonly HostileReply[] = [
  { status: 400, style: 'json' },
  { status: 400, style: 'text' },
  { status: 401, style: 'json' },
  { status: 401, style: 'text' },
  { status: 500, style: 'json' },
  { status: 500, style: 'text' },
  { status: 200, style: 'json' },
  { status: 200, style: 'text' },
];

export interface HostileProvider {
  server: FakeServer;
  /** The answer to the next calls; `at: 'login'` fails the login step, `'send'` lets logins through and fails the send. */
  answer(reply: HostileReply, at?: 'login' | 'send'): void;
}

/**
 * A provider that answers whatever it is asked with a failure (or a 200 of
 * garbage) whose body quotes the request it got: URL with query, every header
 * (Authorization included), the body. As a misconfigured gateway or a
 * debugging endpoint does; the proxy must keep none of it where anyone sees it.
 * `login` answers the login path properly while the failures are at `'send'`.
 */
export async function startHostileProvider(login?: { path: string; reply: () => Response }): Promise<HostileProvider> {
  let current: HostileReply = { status: 500, style: 'json' };
  let stage: 'login' | 'send' = 'send';
  const server = await startFakeServer(async (request) => {
    const url = new URL(request.url);
    if (login && url.pathname === login.path && stage === 'send') return login.reply();
    // What carries a credential first (URL, Authorization, body), so a reason cut short still quotes it.
    const others = [...request.headers].filter(([k]) => k !== 'authorization').map(([k, v]) => `${k}: ${v}`);
    return hostile(current, `${request.method} ${request.url}\nauthorization: ${request.headers.get('authorization') ?? ''}\n\n${await request.text()}\n\n${others.join('\n')}`);
  });
  return {
    server,
    answer(reply, at = 'send') {
      current = reply;
      stage = at;
    },
  };
}

function hostile({ status, style }: HostileReply, echo: string): Response {
  if (style === 'created') return Response.json({ id: 7, status: 'Queued', echo }, { status });
  if (style === 'text') return new Response(`You sent:\n${echo}`, { status, headers: { 'Content-Type': 'text/plain' } });
  // Each name an adapter reads its reason from: Critizr's `detail`, Customer Radar's `description`,
  // CustomerSure's `message` and `errors[]`, eTrusted's `Message` and OAuth's `error_description`.
  const body =
    status === 200
      ? { echo }
      : { message: echo, description: echo, Message: echo, detail: echo, error: echo, error_description: echo, errors: [{ field: echo, error: echo, extra_info: { echo } }], echo };
  return Response.json(body, { status });
}

/**
 * `fetch` for the relay under test, reading each provider reply off its stream.
 * The secret audit records every reply read with `text()`: a hostile echo is
 * the proxy's input, which nobody is shown, and must not count as a leak; what
 * the proxy makes of it (reasons, logs, replies) is still read and recorded.
 */
export const unrecordedFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  const chunks: Uint8Array[] = [];
  const reader = response.body?.getReader();
  for (let read = await reader?.read(); read && !read.done; read = await reader!.read()) chunks.push(read.value);
  const text = Buffer.concat(chunks).toString('utf8');
  const copy = new Response(null, { status: response.status, headers: response.headers });
  Object.defineProperty(copy, 'text', { value: async () => text });
  return copy;
};
