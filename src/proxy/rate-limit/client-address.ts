import type { Context } from 'hono';
import { isIP } from 'node:net';

/** The address a request came from, as far as the proxy can tell. */
export type ClientAddress = (c: Context) => string | undefined;

/**
 * The client's address under `TRUST_PROXY=hops`. With 0 (the default) it is
 * the socket's: `X-Forwarded-For` is ignored, since any client can send one.
 * With n ≥ 1 reverse proxies in front, it is the n-th entry from the right of
 * `X-Forwarded-For` (each proxy appends the address it saw, so entries left of
 * that were written by the client and prove nothing); the socket's when the
 * header is shorter or that entry is no address.
 *
 * @example
 * clientAddress(1)(c) // '203.0.113.9' for "X-Forwarded-For: 6.6.6.6, 203.0.113.9" from the balancer
 */
export function clientAddress(hops: number): ClientAddress {
  return (c) => forwardedClient(c.req.header('X-Forwarded-For'), socketAddress(c), hops);
}

/** The pure rule behind `clientAddress`. */
export function forwardedClient(forwardedFor: string | undefined, socket: string | undefined, hops: number): string | undefined {
  if (hops < 1 || !forwardedFor) return socket;
  const entries = forwardedFor.split(',').map((e) => e.trim());
  const entry = entries.length >= hops ? withoutPort(entries[entries.length - hops] ?? '') : undefined;
  return entry !== undefined && isIP(entry) ? entry : socket;
}

/**
 * The key one client is counted under: an IPv4 address as it is (also when
 * written IPv4-mapped, `::ffff:203.0.113.9`), an IPv6 address by its /64,
 * since one host is routinely given a whole /64 and could otherwise rotate
 * through it.
 *
 * @example
 * addressKey('2001:db8:1:2:aaaa::5') // '2001:db8:1:2::/64'
 */
export function addressKey(address: string | undefined): string | undefined {
  if (address === undefined) return undefined;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  const bare = address.replace(/%.*$/, '');
  if (isIP(bare) !== 6) return address;
  const [head = '', tail] = bare.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  // A dotted IPv4 tail (`64:ff9b::192.0.2.1`) fills two of the eight groups.
  const width = (groups: string[]) => groups.reduce((n, g) => n + (g.includes('.') ? 2 : 1), 0);
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - width(left) - width(right)).fill('0'), ...right];
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

function socketAddress(c: Context): string | undefined {
  return (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming?.socket?.remoteAddress;
}

/** Some balancers append the port: `203.0.113.9:51234`, `[2001:db8::1]:51234`. */
function withoutPort(entry: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(entry);
  if (bracketed?.[1]) return bracketed[1];
  const v4 = /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(entry);
  return v4?.[1] ?? entry;
}
