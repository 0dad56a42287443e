import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { createCredentialCache } from '../../../src/proxy/relay/credential-cache';
import { deliver } from '../../../src/proxy/relay/deliver';
import type { RelayAdapter } from '../../../src/proxy/relay/relay-adapter';
import { isRetryableStatus, retryAfterMs } from '../../../src/proxy/relay/retry-after';
import { startFakeServer, type FakeServer } from '../../fakes/fake-server';
import { relayRequest } from './relay-fixtures';

/** A system with a login step: POST /login gives a token for 60 s; POST /send needs it. */
interface Settings { base: string }
const adapter: RelayAdapter<Settings, { password: string }> = {
  provider: 'toy',
  check: () => [],
  toCall: (request, { base }, _secrets, credential) => ({
    method: 'POST', url: `${base}/send`, headers: { Authorization: credential?.token ?? '', 'Content-Type': 'application/json' }, body: JSON.stringify({ id: request.id }),
  }),
  toOutcome: ({ status, headers, body }) => {
    if (status === 201) return { kind: 'sent', providerId: (JSON.parse(body) as { id: string }).id };
    if (status === 401) return { kind: 'reauthenticate', reason: 'token refused' };
    if (isRetryableStatus(status)) return { kind: 'retry', reason: `HTTP ${status}`, afterMs: retryAfterMs(headers['retry-after'], 0) };
    return { kind: 'refused', reason: `HTTP ${status}: ${body}` };
  },
  login: {
    toCall: ({ base }, { password }) => ({ method: 'POST', url: `${base}/login`, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ password }) }),
    read: ({ status, body }, now) => (status === 200 ? { token: (JSON.parse(body) as { token: string }).token, expiresAt: now + 60 * 60_000 } : { kind: 'reauthenticate', reason: `login HTTP ${status}` }),
  },
};

const open: FakeServer[] = [];
afterEach(async () => {
  for (const server of open.splice(0)) await server.close();
});

async function toySystem() {
  let tokens = 0;
  const valid = new Set<string>();
  const app = new Hono();
  app.post('/login', async (c) => {
    if ((await c.req.json<{ password: string }>()).password !== 'right') return c.json({ error: 'no' }, 401);
    const token = `t${++tokens}`;
    valid.add(token);
    return c.json({ token });
  });
  app.post('/send', (c) => (valid.has(c.req.header('Authorization') ?? '') ? c.json({ id: 'p-1' }, 201) : c.json({ error: 'expired' }, 401)));
  const server = await startFakeServer(app.fetch);
  open.push(server);
  return { server, revokeAll: () => valid.clear(), logins: () => tokens };
}

const deps = () => ({ fetch, now: () => 1_000_000, credentials: createCredentialCache(), timeoutMs: 500 });

describe('deliver()', () => {
  it('logs in once and reuses the credential while it is fresh', async () => {
    const toy = await toySystem();
    const d = deps();
    for (let i = 0; i < 3; i += 1) {
      expect(await deliver(adapter, relayRequest(), { base: toy.server.url }, { password: 'right' }, 'acme/toy', d)).toEqual({ kind: 'sent', providerId: 'p-1' });
    }
    expect(toy.logins()).toBe(1);
  });

  it('logs in once for sends that start together, and all of them use that credential', async () => {
    const toy = await toySystem();
    const shared = deps();
    const outcomes = await Promise.all(Array.from({ length: 16 }, () => deliver(adapter, relayRequest(), { base: toy.server.url }, { password: 'right' }, 'acme/toy', shared)));
    expect(outcomes.every((o) => o.kind === 'sent')).toBe(true);
    expect(toy.logins()).toBe(1);
  });

  it('renews a credential refused mid-session once, then sends', async () => {
    const toy = await toySystem();
    const d = deps();
    await deliver(adapter, relayRequest(), { base: toy.server.url }, { password: 'right' }, 'acme/toy', d);
    toy.revokeAll();
    expect(await deliver(adapter, relayRequest(), { base: toy.server.url }, { password: 'right' }, 'acme/toy', d)).toMatchObject({ kind: 'sent' });
    expect(toy.logins()).toBe(2);
  });

  it('refuses, naming the cause, when the login itself is refused', async () => {
    const toy = await toySystem();
    expect(await deliver(adapter, relayRequest(), { base: toy.server.url }, { password: 'wrong' }, 'acme/toy', deps())).toEqual({ kind: 'refused', reason: 'login refused: login HTTP 401' });
  });

  it('turns a reset connection, a hang past the deadline and a 429 into retries, never a throw', async () => {
    const toy = await toySystem();
    const d = deps();
    const send = () => deliver(adapter, relayRequest(), { base: toy.server.url }, { password: 'right' }, 'acme/toy', d);
    await send();
    toy.server.failNext({ kind: 'reset' });
    expect(await send()).toMatchObject({ kind: 'retry', reason: expect.stringContaining('network error') });
    toy.server.failNext({ kind: 'hang' });
    expect(await send()).toEqual({ kind: 'retry', reason: 'no answer within 500 ms' });
    toy.server.failNext({ kind: 'status', status: 429, headers: { 'Retry-After': '7' } });
    expect(await send()).toEqual({ kind: 'retry', reason: 'HTTP 429', afterMs: 7000 });
  });
});

describe('retryAfterMs()', () => {
  it.each([
    ['120', 120_000],
    ['Thu, 01 Jan 1970 00:00:10 GMT', 10_000],
    ['', undefined],
    ['soon', undefined],
  ])('reads %j as %j ms', (header, ms) => {
    expect(retryAfterMs(header, 0)).toBe(ms);
  });
});
