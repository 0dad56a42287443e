import type { MiddlewareHandler } from 'hono';
import { errorResponse } from '../../json-response';
import type { ApiEnv } from '../api-env';

/** Finds the org a token belongs to; undefined for an unknown or revoked one. */
export type TokenLookup = (token: string) => Promise<string | undefined>;

/**
 * Reads `Authorization: Token token="…"` (quoted, as the seed's examples
 * send it) or `Token token=…` (unquoted, as its header description shows).
 * Returns undefined for anything else.
 *
 * @example
 * tokenFrom('Token token="ec76c296df321768ba4cc41a445bfb6f"') // 'ec76c296df321768ba4cc41a445bfb6f'
 */
export function tokenFrom(header: string | undefined): string | undefined {
  const match = /^\s*Token\s+token\s*=\s*(?:"([^"]*)"|([^\s",]+))\s*$/i.exec(header ?? '');
  const token = match?.[1] ?? match?.[2];
  return token ? token : undefined;
}

/**
 * 401 with `WWW-Authenticate: Token realm="Application"` unless the request
 * carries a valid token; the token's org is then the only org it can see.
 * The token never reaches a log line or a reply.
 */
export function requireToken(lookup: TokenLookup): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const token = tokenFrom(c.req.header('Authorization'));
    const org = token === undefined ? undefined : await lookup(token);
    if (org === undefined) {
      return errorResponse(401, 'Bad credentials: send Authorization: Token token="your API token"', { 'WWW-Authenticate': 'Token realm="Application"' });
    }
    c.set('org', org);
    return next();
  };
}
