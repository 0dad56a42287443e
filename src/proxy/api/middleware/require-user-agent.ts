import type { MiddlewareHandler } from 'hono';
import { errorResponse } from '../../json-response';

/**
 * "All API requests MUST include a valid User-Agent header. Requests with no
 * User-Agent header will be rejected" with exactly this 403 body (the seed,
 * "User Agent Header"). Blank counts as missing.
 */
export function requireUserAgent(): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.header('User-Agent')?.trim()) return next();
    return errorResponse(403, 'Missing or invalid User Agent string');
  };
}
