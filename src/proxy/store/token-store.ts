import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Tables } from './tables';

/** A token as listed: never the token itself, which is shown once, at creation. */
export interface TokenInfo {
  id: number;
  org: string;
  name: string;
  created_at: string;
  revoked_at: string | null;
}

export interface TokenStore {
  /** Makes a new token for `org`; the returned `token` is the only copy anywhere. */
  create(org: string, name: string, now: Date): Promise<TokenInfo & { token: string }>;
  list(org?: string): Promise<TokenInfo[]>;
  /** False when there is no such unrevoked token. */
  revoke(id: number, now: Date): Promise<boolean>;
  /** The org an unrevoked token belongs to. */
  orgOf(token: string): Promise<string | undefined>;
  /** The same, by the token's `hashToken` (what a dashboard session remembers instead of the token). */
  orgOfHash(tokenHash: string): Promise<string | undefined>;
}

/**
 * sha256 of a token, hex. Tokens are 256 random bits, so a plain hash is
 * enough (no salt or slow hash needed to resist guessing) and lets a lookup
 * be one indexed equality.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** API tokens, stored hashed. */
export function createTokenStore(db: Kysely<Tables>): TokenStore {
  const orgOfHash = async (tokenHash: string) =>
    (await db.selectFrom('api_tokens').select('org').where('token_hash', '=', tokenHash).where('revoked_at', 'is', null).executeTakeFirst())?.org;
  const columns = ['id', 'org', 'name', 'created_at', 'revoked_at'] as const;
  return {
    create: async (org, name, now) => {
      const token = randomBytes(32).toString('hex');
      const row = await db
        .insertInto('api_tokens')
        .values({ org, name, token_hash: hashToken(token), created_at: now.toISOString(), revoked_at: null })
        .returning(columns)
        .executeTakeFirstOrThrow();
      return { ...row, token };
    },
    list: (org) => {
      let query = db.selectFrom('api_tokens').select(columns);
      if (org !== undefined) query = query.where('org', '=', org);
      return query.orderBy('id').execute();
    },
    revoke: async (id, now) => {
      const result = await db.updateTable('api_tokens').set({ revoked_at: now.toISOString() }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    orgOf: (token) => orgOfHash(hashToken(token)),
    orgOfHash: (tokenHash) => orgOfHash(tokenHash),
  };
}
