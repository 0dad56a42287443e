import type { MiddlewareHandler } from 'hono';
import { errorResponse } from './json-response';

/**
 * True for `application/json`, optionally with `charset=utf-8`: JSON is
 * UTF-8 by definition (RFC 8259), so any other charset is a client bug.
 */
export function isJsonContentType(header: string | undefined): boolean {
  if (!header) return false;
  const [type, ...params] = header.split(';').map((part) => part.replace(/\s/g, '').toLowerCase());
  return type === 'application/json' && params.every((p) => p === '' || /^charset="?utf-8"?$/.test(p));
}

/** Answers 415 before the body is read when it is not declared as JSON. */
export function requireJson(): MiddlewareHandler {
  return async (c, next) => {
    if (isJsonContentType(c.req.header('Content-Type'))) return next();
    return errorResponse(415, 'Unsupported Media Type: send the response as application/json');
  };
}
