import { createHmac, timingSafeEqual } from 'node:crypto';

/** Longest token read; a page's params are a few hundred bytes, and the payload field allows no more. */
export const MAX_TOKEN_LENGTH = 8192;
/** Clock skew forgiven between the merchant's server and the proxy, on `exp` and `nbf`. */
export const LEEWAY_SECONDS = 60;
/** Registered claims read as times; every other claim is a survey param. */
export const TIME_CLAIMS = ['exp', 'iat', 'nbf'] as const;

export type SigningProblem = 'malformed' | 'unsupported_alg' | 'unknown_kid' | 'bad_signature' | 'expired' | 'not_yet_valid' | 'bad_claims';

export type SignedParamsVerification =
  | { ok: true; claims: Record<string, string>; kid: string }
  /** `message` is for the merchant's console: it says what is wrong, never a key. */
  | { ok: false; problem: SigningProblem; message: string };

export interface VerifyOptions {
  /** The org's usable secrets by key id (`kid`). */
  keys: ReadonlyMap<string, string>;
  now: Date;
}

// An empty signature is let through to be refused as what it is: `alg: none` tokens have none.
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
const fail = (problem: SigningProblem, detail: string): SignedParamsVerification => ({ ok: false, problem, message: `Signed survey params${detail}` });

/**
 * Verifies `data-survey-params-jwt`: a compact JWS signed with HS256 by the
 * merchant's server (RFC 7515, RFC 7519), under one of the org's key ids. The
 * header must say `alg: HS256` (never `none`, never another algorithm: the key
 * is a shared secret) and name its `kid`; the claims are the survey params as
 * strings, plus `exp` (required) and optional `iat` and `nbf`, in seconds.
 * The signature is checked before anything in the claims is believed. Pure.
 *
 * @example
 * verifySignedParams(token, { keys: new Map([['2026-11', secret]]), now: new Date() })
 * // { ok: true, kid: '2026-11', claims: { email: 'mariner@example.com', staff_code: 'luke' } }
 */
export function verifySignedParams(token: string, { keys, now }: VerifyOptions): SignedParamsVerification {
  if (token.length > MAX_TOKEN_LENGTH) return fail('malformed', `: longer than ${MAX_TOKEN_LENGTH} characters`);
  if (!COMPACT_JWS.test(token)) return fail('malformed', ': not a compact JWS (three base64url parts joined by dots)');
  const [head, body, signature] = token.split('.') as [string, string, string];
  const header = decodeJson(head);
  if (!header) return fail('malformed', ': the header is not base64url-encoded JSON');
  if (header.alg !== 'HS256') return fail('unsupported_alg', `: algorithm ${JSON.stringify(header.alg ?? null)} is not accepted; sign with HS256`);
  // RFC 7515 4.1.11: extensions marked critical must be understood, and none are.
  if (header.crit !== undefined) return fail('malformed', ': the header lists critical extensions (crit), which are not supported');
  const { kid } = header;
  if (typeof kid !== 'string' || kid === '') return fail('malformed', ': the header names no key id (kid)');
  const secret = keys.get(kid);
  if (secret === undefined) return fail('unknown_kid', `: unknown key id ${JSON.stringify(kid)}`);
  const expected = createHmac('sha256', secret).update(`${head}.${body}`).digest();
  const given = Buffer.from(signature, 'base64url');
  // Re-encoding refuses a second spelling of the same bytes (stray low bits in the last character).
  if (given.length !== expected.length || given.toString('base64url') !== signature || !timingSafeEqual(given, expected)) {
    return fail('bad_signature', ': the signature does not match');
  }
  const payload = decodeJson(body);
  if (!payload) return fail('malformed', ': the claims are not base64url-encoded JSON');
  return readClaims(payload, kid, now.getTime() / 1000);
}

/** The signed params and the time claims' verdict; `nowSeconds` is a NumericDate. */
function readClaims(payload: Record<string, unknown>, kid: string, nowSeconds: number): SignedParamsVerification {
  const claims: Record<string, string> = {};
  for (const [key, value] of Object.entries(payload)) {
    if ((TIME_CLAIMS as readonly string[]).includes(key)) {
      if (typeof value !== 'number' || !Number.isFinite(value)) return fail('bad_claims', `: ${key} must be a NumericDate (seconds since 1970)`);
    } else if (typeof value === 'string') {
      // defineProperty, not assignment: a "__proto__" claim stays a key, for the param rules to refuse.
      Object.defineProperty(claims, key, { value, enumerable: true, writable: true, configurable: true });
    } else {
      return fail('bad_claims', `: claim ${JSON.stringify(key)} must be a string, as data-survey-params values are`);
    }
  }
  const { exp, nbf } = payload as { exp?: number; nbf?: number };
  if (exp === undefined) return fail('bad_claims', ': exp is required (a NumericDate in seconds), so a copied page stops working');
  if (nowSeconds > exp + LEEWAY_SECONDS) return fail('expired', ` expired at ${isoTime(exp)}`);
  if (nbf !== undefined && nowSeconds + LEEWAY_SECONDS < nbf) return fail('not_yet_valid', ` are not valid before ${isoTime(nbf)}`);
  return { ok: true, claims, kid };
}

/** A base64url part as a JSON object, or undefined. */
function decodeJson(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** A NumericDate as ISO 8601; out-of-range ones (year 275,760 and beyond) as the number itself. */
function isoTime(seconds: number): string {
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? `${seconds} (seconds)` : date.toISOString();
}
