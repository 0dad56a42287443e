import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../../src/proxy/store/open-store';
import { hashToken } from '../../../src/proxy/store/token-store';
import { tempDir } from '../fixtures';

const NOW = new Date('2026-03-01T09:00:00.000Z');
const HOUR = 3_600_000;
const open: Store[] = [];
afterEach(async () => {
  for (const store of open.splice(0)) await store.close().catch(() => undefined);
});

async function withToken(path = ':memory:') {
  const store = await openStore(path);
  open.push(store);
  const token = await store.tokens.create('acme', 'dashboard', NOW);
  return { store, token, tokenHash: hashToken(token.token) };
}

describe('session store', () => {
  it('makes a session from a token with a 256-bit secret, found until it expires', async () => {
    const { store, tokenHash } = await withToken();
    const session = await store.sessions.create('acme', tokenHash, NOW, 12 * HOUR);
    expect(session.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(session.expiresAt).toEqual(new Date('2026-03-01T21:00:00.000Z'));
    const found = { org: 'acme', expiresAt: session.expiresAt, tokenHash };
    expect(await store.sessions.find(session.secret, NOW)).toEqual(found);
    expect(await store.sessions.find(session.secret, new Date(session.expiresAt.getTime() - 1))).toEqual(found);
    expect(await store.sessions.find(session.secret, session.expiresAt)).toBeUndefined();
  });

  it('gives each sign-in its own secret', async () => {
    const { store, tokenHash } = await withToken();
    const a = await store.sessions.create('acme', tokenHash, NOW, HOUR);
    const b = await store.sessions.create('acme', tokenHash, NOW, HOUR);
    expect(a.secret).not.toBe(b.secret);
  });

  it('finds nothing for an unknown or mangled secret', async () => {
    const { store, tokenHash } = await withToken();
    const { secret } = await store.sessions.create('acme', tokenHash, NOW, HOUR);
    expect(await store.sessions.find('not-a-session', NOW)).toBeUndefined();
    expect(await store.sessions.find(`${secret}x`, NOW)).toBeUndefined();
  });

  it('names the token a session came from, so revoking that token can end it', async () => {
    const { store, token, tokenHash } = await withToken();
    const { secret } = await store.sessions.create('acme', tokenHash, NOW, HOUR);
    const session = await store.sessions.find(secret, NOW);
    expect(session?.tokenHash).toBe(hashToken(token.token));
    expect(await store.tokens.orgOf(token.token)).toBe(session?.org);
    await store.tokens.revoke(token.id, NOW);
    expect(await store.tokens.orgOf(token.token)).toBeUndefined();
  });

  it('ends a session on delete, leaving others', async () => {
    const { store, tokenHash } = await withToken();
    const a = await store.sessions.create('acme', tokenHash, NOW, HOUR);
    const b = await store.sessions.create('acme', tokenHash, NOW, HOUR);
    await store.sessions.delete(a.secret);
    await store.sessions.delete('never-existed');
    expect(await store.sessions.find(a.secret, NOW)).toBeUndefined();
    expect(await store.sessions.find(b.secret, NOW)).toMatchObject({ org: 'acme' });
  });

  it('prunes expired sessions only, saying how many', async () => {
    const { store, tokenHash } = await withToken();
    const short = await store.sessions.create('acme', tokenHash, NOW, HOUR);
    const long = await store.sessions.create('acme', tokenHash, NOW, 10 * HOUR);
    expect(await store.sessions.prune(new Date(NOW.getTime() + 2 * HOUR))).toBe(1);
    expect(await store.sessions.prune(new Date(NOW.getTime() + 2 * HOUR))).toBe(0);
    expect(await store.sessions.find(short.secret, NOW)).toBeUndefined();
    expect(await store.sessions.find(long.secret, NOW)).toMatchObject({ org: 'acme' });
  });

  it('stores only the sha256 of the secret, never the secret', async () => {
    const path = join(tempDir(), 'sessions.sqlite');
    const { store, tokenHash } = await withToken(path);
    const { secret } = await store.sessions.create('acme', tokenHash, NOW, HOUR);
    const db = new Database(path, { readonly: true });
    const rows = db.prepare('SELECT * FROM dashboard_sessions').all() as Record<string, unknown>[];
    db.close();
    expect(rows).toEqual([{ id_hash: hashToken(secret), org: 'acme', token_hash: tokenHash, created_at: NOW.toISOString(), expires_at: '2026-03-01T10:00:00.000Z' }]);
    expect(JSON.stringify(rows)).not.toContain(secret);
  });
});
