import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { addressKey, clientAddress, forwardedClient } from '../../../src/proxy/rate-limit/client-address';

/** What the client address is for a request from `socket` carrying `forwardedFor`, as the app sees it. */
async function seenAddress(hops: number, socket: string, forwardedFor?: string): Promise<string | undefined> {
  const app = new Hono();
  app.get('/', (c) => c.text(clientAddress(hops)(c) ?? 'none'));
  const res = await app.request('/', { headers: forwardedFor ? { 'X-Forwarded-For': forwardedFor } : {} }, { incoming: { socket: { remoteAddress: socket } } });
  return res.text();
}

describe('the client address', () => {
  it('is the socket’s with TRUST_PROXY=0, whatever X-Forwarded-For claims', async () => {
    expect(await seenAddress(0, '198.51.100.7', '6.6.6.6')).toBe('198.51.100.7');
  });

  it('is the right-most X-Forwarded-For entry with TRUST_PROXY=1: the one the balancer wrote', async () => {
    expect(await seenAddress(1, '10.0.0.2', '203.0.113.9')).toBe('203.0.113.9');
  });

  it('ignores spoofed entries a client put left of the balancer’s', async () => {
    expect(await seenAddress(1, '10.0.0.2', '6.6.6.6, 7.7.7.7, 203.0.113.9')).toBe('203.0.113.9');
  });

  it('is the n-th entry from the right behind n proxies', () => {
    expect(forwardedClient('6.6.6.6, 203.0.113.9, 10.0.0.5', '10.0.0.2', 2)).toBe('203.0.113.9');
  });

  it('falls back to the socket when the header is missing, too short or holds no address', () => {
    expect(forwardedClient(undefined, '10.0.0.2', 1)).toBe('10.0.0.2');
    expect(forwardedClient('203.0.113.9', '10.0.0.2', 2)).toBe('10.0.0.2');
    expect(forwardedClient('6.6.6.6, not-an-ip', '10.0.0.2', 1)).toBe('10.0.0.2');
  });

  it('drops a port some balancers append', () => {
    expect(forwardedClient('203.0.113.9:51234', 's', 1)).toBe('203.0.113.9');
    expect(forwardedClient('[2001:db8::1]:51234', 's', 1)).toBe('2001:db8::1');
  });

  it('is undefined in process, where there is no socket', async () => {
    const app = new Hono();
    app.get('/', (c) => c.text(clientAddress(0)(c) ?? 'none'));
    expect(await (await app.request('/')).text()).toBe('none');
  });
});

describe('the key a client is counted under', () => {
  it('is an IPv4 address as it is, also when written IPv4-mapped', () => {
    expect(addressKey('203.0.113.9')).toBe('203.0.113.9');
    expect(addressKey('::ffff:203.0.113.9')).toBe('203.0.113.9');
  });

  it('is an IPv6 address’s /64, so one host cannot rotate through its own block', () => {
    expect(addressKey('2001:db8:1:2:aaaa::5')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002:ffff:0:0:1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });
});
