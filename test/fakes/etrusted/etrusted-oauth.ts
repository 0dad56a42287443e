/**
 * The OAuth2 side of the eTrusted fake. The seed only says the API wants "An authorisation header
 * containing meta information, see OAuth2." and never documents where tokens come from, so this is
 * the client-credentials grant of RFC 6749 §4.4 as eTrusted's login service runs it: a form-encoded
 * POST of `grant_type=client_credentials`, `client_id`, `client_secret` and `audience`, answered with
 * `{access_token, token_type: 'Bearer', expires_in}`. Errors follow RFC 6749 §5.2.
 */
import { randomUUID } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';

export type TokenState = 'valid' | 'expired' | 'unknown';

export interface TokenStore {
  issue(): { token: string; expiresIn: number };
  check(token: string): TokenState;
  /** Makes every token issued so far expired, as if its lifetime had run out. */
  expireAll(): void;
}

/** Tokens that live `lifetimeSeconds` on the injected clock. */
export function createTokenStore(now: () => number, lifetimeSeconds: number): TokenStore {
  const expiries = new Map<string, number>();
  return {
    issue() {
      const token = `fake-etrusted-${randomUUID()}`;
      expiries.set(token, now() + lifetimeSeconds * 1000);
      return { token, expiresIn: lifetimeSeconds };
    },
    check(token) {
      const expiry = expiries.get(token);
      if (expiry === undefined) return 'unknown';
      return now() < expiry ? 'valid' : 'expired';
    },
    expireAll() {
      for (const token of expiries.keys()) expiries.set(token, Number.NEGATIVE_INFINITY);
    },
  };
}

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
  /** The `audience` a token must be asked for, or `null` to take requests without one. */
  audience: string | null;
}

function oauthError(c: Context, status: 400 | 401, error: string, description: string): Response {
  return c.json({ error, error_description: description }, status, { 'Cache-Control': 'no-store' });
}

/** The token endpoint's handler. */
export function tokenEndpoint(credentials: ClientCredentials, tokens: TokenStore) {
  return async (c: Context): Promise<Response> => {
    // RFC 6749 §4.4.2: the client "makes a request to the token endpoint by adding the following
    // parameters using the application/x-www-form-urlencoded format". JSON is refused.
    const type = c.req.header('Content-Type') ?? '';
    if (!/^application\/x-www-form-urlencoded\s*(;|$)/i.test(type)) {
      return oauthError(c, 400, 'invalid_request', 'Content-Type must be application/x-www-form-urlencoded');
    }
    const form = new URLSearchParams(await c.req.text());
    const grantType = form.get('grant_type');
    if (!grantType) return oauthError(c, 400, 'invalid_request', 'grant_type is required');
    if (grantType !== 'client_credentials') {
      return oauthError(c, 400, 'unsupported_grant_type', 'grant_type must be client_credentials');
    }
    // Credentials in the body, as eTrusted's own guide sends them; HTTP Basic is not offered.
    // A wrong or missing pair is RFC 6749 §5.2's `invalid_client`, with 401.
    if (form.get('client_id') !== credentials.clientId || form.get('client_secret') !== credentials.clientSecret) {
      return oauthError(c, 401, 'invalid_client', 'client authentication failed');
    }
    // eTrusted's login service issues API tokens for the audience https://api.etrusted.com only.
    if (credentials.audience !== null && form.get('audience') !== credentials.audience) {
      return oauthError(c, 400, 'invalid_request', `audience must be ${credentials.audience}`);
    }
    const { token, expiresIn } = tokens.issue();
    // RFC 6749 §5.1: "The authorization server MUST include the HTTP "Cache-Control" response header
    // field … with a value of "no-store"".
    return c.json({ access_token: token, token_type: 'Bearer', expires_in: expiresIn }, 200, { 'Cache-Control': 'no-store' });
  };
}

/**
 * Lets through requests that carry a valid bearer token.
 * "token | An authorisation header containing meta information, see OAuth2." Read as RFC 6750's
 * `Authorization: Bearer <token>`, not a header literally named `token`. Refusals are 401 with the
 * seed's `ErrorResponse` ("The response, if the authorization or initial validation failed.").
 */
export function requireBearer(tokens: TokenStore): MiddlewareHandler {
  return async (c, next) => {
    const header = c.req.header('Authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const state = match ? tokens.check(match[1]!) : undefined;
    if (state === 'valid') return next();
    const message = !match ? 'Authorization: Bearer <token> is required' : state === 'expired' ? 'token has expired' : 'token is not valid';
    const error = !match ? 'Bearer' : `Bearer error="invalid_token", error_description="${message}"`;
    return c.json({ Message: message }, 401, { 'WWW-Authenticate': error });
  };
}
