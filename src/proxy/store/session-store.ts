import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Tables } from './tables';
import { hashToken } from './token-store';

/** A live session as `find` returns it. */
export interface DashboardSession {
  org: string;
  expiresAt: Date;
  /** sha256 of the API token it was made from: the caller checks that token is still valid. */
  tokenHash: string;
}

export interface SessionStore {
  /**
   * A new session for `org`, made from the API token whose sha256 is `tokenHash` (already checked by the
   * caller). The secret (256 random bits, base64url) is returned once; only its sha256 is stored.
   */
  create(org: string, tokenHash: string, now: Date, ttlMs: number): Promise<{ secret: string; expiresAt: Date }>;
  /** The session while it is unexpired; whether its token still holds is the caller's to check. */
  find(secret: string, now: Date): Promise<DashboardSession | undefined>;
  delete(secret: string): Promise<void>;
  /** Removes expired sessions; returns how many. */
  prune(now: Date): Promise<number>;
}

/**
 * Dashboard sign-ins. A session remembers the hash of the API token it was
 * made from, whether that token lives in the database or in API_TOKENS, so
 * the caller can end it the moment the token is revoked or removed.
 */
export function createSessionStore(db: Kysely<Tables>): SessionStore {
  return {
    create: async (org, tokenHash, now, ttlMs) => {
      const secret = randomBytes(32).toString('base64url');
      const expiresAt = new Date(now.getTime() + ttlMs);
      await db
        .insertInto('dashboard_sessions')
        .values({ id_hash: hashToken(secret), org, token_hash: tokenHash, created_at: now.toISOString(), expires_at: expiresAt.toISOString() })
        .execute();
      return { secret, expiresAt };
    },

    find: async (secret, now) => {
      const row = await db
        .selectFrom('dashboard_sessions')
        .select(['org', 'expires_at', 'token_hash'])
        .where('id_hash', '=', hashToken(secret))
        .where('expires_at', '>', now.toISOString())
        .executeTakeFirst();
      return row ? { org: row.org, expiresAt: new Date(row.expires_at), tokenHash: row.token_hash } : undefined;
    },

    delete: async (secret) => void (await db.deleteFrom('dashboard_sessions').where('id_hash', '=', hashToken(secret)).execute()),

    prune: async (now) => {
      const result = await db.deleteFrom('dashboard_sessions').where('expires_at', '<=', now.toISOString()).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
