import type { MiddlewareHandler } from 'hono';
import type { AllowedOrigins } from './config';
import { errorResponse } from './json-response';

/**
 * Refuses a `POST /v1/responses` sent by a page on a foreign origin: 403,
 * before the body is read or anything counted. Browsers always send `Origin`
 * on a POST, so a page elsewhere cannot post responses through its visitors
 * unless ALLOWED_ORIGINS lists it (or is `*`). The proxy's own pages always
 * may. A request without `Origin` (curl, a server) is no browser's page and
 * no origin question: the rate limits and signed params cover those.
 *
 * @example
 * app.post('/v1/responses', originGuard(['https://shop.example'], 'https://feedback.shop.example'), handler);
 */
export function originGuard(allowed: AllowedOrigins, publicUrl: string | undefined): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header('Origin');
    if (origin === undefined || allowed === '*' || allowed.includes(origin) || isOwnOrigin(origin, c.req.url, publicUrl)) return next();
    return errorResponse(403, foreignOriginMessage(origin, 'post responses'));
  };
}

/**
 * True when `origin` is the proxy itself: the host the request came to, or
 * PUBLIC_URL's. Hosts, not whole origins: a TLS front changes the scheme the
 * proxy sees (`http://`) from the one the page has (`https://`).
 */
export function isOwnOrigin(origin: string, requestUrl: string, publicUrl: string | undefined): boolean {
  if (!URL.canParse(origin)) return false;
  const { host } = new URL(origin);
  return host === new URL(requestUrl).host || (publicUrl !== undefined && URL.canParse(publicUrl) && host === new URL(publicUrl).host);
}

/** The 403's message: who was refused, and the setting that would let it in. */
export function foreignOriginMessage(origin: string, action: string): string {
  return `Origin ${origin} may not ${action}: add it to ALLOWED_ORIGINS`;
}
