import type { MiddlewareHandler } from 'hono';
import type { AllowedOrigins } from './config';
import { errorResponse } from './json-response';
import { foreignOriginMessage, isOwnOrigin } from './origin-guard';

/** What a listed page's script may read besides the safelisted headers: when to retry, and how close a limit is. */
const EXPOSED_HEADERS = 'Retry-After, RateLimit, RateLimit-Policy';

/**
 * CORS for the API. Same-origin requests need nothing; a cross-origin
 * request gets `Access-Control-Allow-Origin` only when its origin is listed,
 * so the browser blocks every other page from reading anything. An unlisted
 * origin's preflight is refused with a 403 that says which setting would
 * allow it, so the browser never sends the request it asked about.
 */
export function cors(allowed: AllowedOrigins): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header('Origin');
    const permitted = origin !== undefined && isAllowed(origin, allowed, new URL(c.req.url).origin);
    if (origin !== undefined && c.req.method === 'OPTIONS' && c.req.header('Access-Control-Request-Method')) {
      if (permitted) return new Response(null, { status: 204, headers: preflightHeaders(origin) });
      // Browsers never preflight a same-origin request; one that claims to be is left to the routes.
      if (!isOwnOrigin(origin, c.req.url, undefined)) {
        return errorResponse(403, foreignOriginMessage(origin, `call ${c.req.path} from another site`), { Vary: 'Origin' });
      }
    }
    await next();
    // Always, so a shared cache never hands one origin's answer (with or without the header) to another.
    c.res.headers.append('Vary', 'Origin');
    if (permitted) {
      c.res.headers.set('Access-Control-Allow-Origin', origin);
      // The widget honours Retry-After on a 429 or 503; cross-origin it could not read it without this.
      c.res.headers.set('Access-Control-Expose-Headers', EXPOSED_HEADERS);
    }
  };
}

/** True when `origin` may read cross-origin responses; same-origin requests never need the header. */
export function isAllowed(origin: string, allowed: AllowedOrigins, ownOrigin: string): boolean {
  if (origin === ownOrigin) return false;
  return allowed === '*' || allowed.includes(origin);
}

function preflightHeaders(origin: string): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
    'Access-Control-Allow-Headers': 'Content-Type',
    'Access-Control-Max-Age': '600',
    Vary: 'Origin',
  };
}
