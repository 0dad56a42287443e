import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

/**
 * Hono's `bodyLimit`, without its cost for bodies that declare their length.
 * Hono's reads `c.req.raw.body` first, which makes @hono/node-server build a
 * whole web `Request` with a stream and an AbortSignal for every request:
 * 130-160 µs of CPU per `POST /v1/responses`, more than validating and
 * hashing it. A declared `Content-Length` (the widget's fetch and sendBeacon
 * always send one) is compared here and the body is left for the handler to
 * read straight from the socket; Node's parser never delivers more bytes than
 * it declares. A body without one (chunked) goes through Hono's, which counts
 * as it reads and stops at the limit.
 *
 * @example
 * app.post('/v1/responses', limitBody(64 * 1024, () => errorResponse(413, 'Payload Too Large')), handler);
 */
export function limitBody(maxBytes: number, onTooLarge: () => Response): MiddlewareHandler {
  const counted = bodyLimit({ maxSize: maxBytes, onError: onTooLarge });
  return async (c, next) => {
    const declared = c.req.header('Content-Length');
    if (declared === undefined || c.req.header('Transfer-Encoding') !== undefined) return counted(c, next);
    return Number(declared) > maxBytes ? onTooLarge() : next();
  };
}
