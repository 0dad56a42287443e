import type { MiddlewareHandler } from 'hono';
import type { AllowedOrigins } from './config';

/**
 * CORS for the API. Same-origin requests need nothing; a cross-origin
 * request gets `Access-Control-Allow-Origin` only when its origin is listed,
 * so the browser blocks every other page from reading (or, through the
 * preflight, posting) anything.
 */
export function cors(allowed: AllowedOrigins): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header('Origin');
    const permitted = origin !== undefined && isAllowed(origin, allowed, new URL(c.req.url).origin);
    if (permitted && c.req.method === 'OPTIONS' && c.req.header('Access-Control-Request-Method')) {
      return new Response(null, { status: 204, headers: preflightHeaders(origin) });
    }
    await next();
    // Always, so a shared cache never hands one origin's answer (with or without the header) to another.
    c.res.headers.append('Vary', 'Origin');
    if (permitted) c.res.headers.set('Access-Control-Allow-Origin', origin);
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
