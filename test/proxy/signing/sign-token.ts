import { createHmac } from 'node:crypto';

/** Test secrets, 32 bytes and more, as a merchant would keep them in the proxy's environment. */
export const KEY_NOV = 'nov-secret-0123456789abcdefghijklmnop';
export const KEY_DEC = 'dec-secret-0123456789abcdefghijklmnop';
/** A secret the proxy does not hold: what a forger would sign with. */
export const KEY_FORGED = 'forged-secret-0123456789abcdefghijklm';

export const b64url = (value: unknown): string => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

export interface TokenOptions {
  kid?: string;
  secret?: string;
  /** Replaces the whole header (for `alg: none`, HS512, a missing kid). */
  header?: Record<string, unknown>;
}

/**
 * A compact JWS over `claims`, HS256 under `kid` by default; the header can
 * be anything, to build the tokens the verifier must refuse.
 */
export function signToken(claims: Record<string, unknown>, { kid = '2026-11', secret = KEY_NOV, header }: TokenOptions = {}): string {
  return signParts(b64url(header ?? { alg: 'HS256', typ: 'JWT', kid }), b64url(claims), secret);
}

/** Signs two parts already encoded, for parts JSON.stringify would never write. */
export function signParts(head: string, body: string, secret = KEY_NOV): string {
  return `${head}.${body}.${createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url')}`;
}

/** The same token with its claims changed and its signature kept: what editing the page would give. */
export function tamper(token: string, change: (claims: Record<string, unknown>) => Record<string, unknown>): string {
  const [head, body, signature] = token.split('.') as [string, string, string];
  const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>;
  return `${head}.${b64url(change(claims))}.${signature}`;
}

/** A NumericDate `offsetSeconds` from `now`. */
export const secondsFrom = (now: Date, offsetSeconds: number): number => Math.floor(now.getTime() / 1000) + offsetSeconds;
