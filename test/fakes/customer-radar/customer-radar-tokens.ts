/**
 * The tokens `/auth/login` hands out, on an injected clock.
 */
import { randomBytes } from 'node:crypto';

// "This token needs to be set in the header for all requests and is valid for 60 minutes once generated."
export const TOKEN_LIFETIME_MS = 60 * 60 * 1000;

export interface IssuedToken {
  token: string;
  /** Seconds since the epoch, with milliseconds, as the seed's `"expiration": 1517434473.269`. */
  expiration: number;
}

export type TokenCheck = { state: 'valid'; userName: string } | { state: 'unknown' } | { state: 'expired' };

export interface TokenStore {
  issue(userName: string): IssuedToken;
  check(token: string): TokenCheck;
  /** Ages every token issued so far past its lifetime, as if 60 minutes had passed. */
  expireAll(): void;
  /** How many tokens were issued (one per successful login). */
  readonly issued: number;
}

const base64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * @example
 * const tokens = createTokenStore(Date.now);
 * const { token } = tokens.issue('testing');
 * tokens.check(token); // 'valid'
 */
export function createTokenStore(now: () => number): TokenStore {
  const issued = new Map<string, { expires: number; userName: string }>();
  return {
    issue(userName) {
      const expires = now() + TOKEN_LIFETIME_MS;
      // Shaped like the seed's example token (a JWT: header.payload.signature); nothing reads its inside.
      const token = [
        base64url({ typ: 'JWT', alg: 'HS256' }),
        base64url({ exp: Math.floor(expires / 1000), userName }),
        randomBytes(32).toString('base64url'),
      ].join('.');
      issued.set(token, { expires, userName });
      // The seed's `expiration` is read as the moment the token stops being valid (vague seed: it
      // could be the issue time; the name and "valid for 60 minutes" point to the expiry).
      return { token, expiration: expires / 1000 };
    },
    check(token) {
      const found = issued.get(token);
      if (!found) return { state: 'unknown' };
      // "valid for 60 minutes once generated": at 60:00 exactly it is no longer valid (strict reading).
      return now() < found.expires ? { state: 'valid', userName: found.userName } : { state: 'expired' };
    },
    expireAll() {
      const at = now();
      for (const found of issued.values()) found.expires = Math.min(found.expires, at);
    },
    get issued() {
      return issued.size;
    },
  };
}
