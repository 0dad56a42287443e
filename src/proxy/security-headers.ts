import type { Context, MiddlewareHandler } from 'hono';
import { isHttps } from './is-https';

/**
 * The policy of every reply that is not one of the proxy's own pages (JSON,
 * errors, scripts, files): it is data, so opened on its own it runs nothing,
 * loads nothing and is framed by no one.
 */
export const DATA_CSP = "default-src 'none'; frame-ancestors 'none'";

/** A year: browsers then refuse plain http to this host, whatever link a visitor follows. */
export const HSTS = 'max-age=31536000';

export interface SecurityHeaderOptions {
  /** The proxy's public address; an https one means every reply reached the browser over https. */
  publicUrl?: string;
}

/**
 * Installed first, so it sees every reply (errors and 404s included) last:
 * - `X-Content-Type-Options: nosniff` on all, so no reply is read as another type;
 * - `Referrer-Policy: no-referrer` unless the route chose its own (the dashboard's
 *   `same-origin`): URLs here carry filters and capabilities;
 * - `Content-Security-Policy` DATA_CSP unless the route set one (the dashboard,
 *   the hosted page and the demo pages set their own);
 * - `Strict-Transport-Security` only over https: a browser ignores it on http,
 *   and sending it from a plain-http development proxy would say nothing true.
 *
 * No `Cross-Origin-Resource-Policy` here: the widget files and
 * `GET /v1/surveys/…` are loaded by merchants' pages on other origins, and the
 * widget files say `cross-origin` themselves.
 *
 * @example
 * app.use('*', securityHeaders({ publicUrl: 'https://feedback.example' }));
 */
export function securityHeaders({ publicUrl }: SecurityHeaderOptions = {}): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const headers = mutableHeaders(c);
    headers.set('X-Content-Type-Options', 'nosniff');
    if (!headers.has('Referrer-Policy')) headers.set('Referrer-Policy', 'no-referrer');
    if (!headers.has('Content-Security-Policy')) headers.set('Content-Security-Policy', DATA_CSP);
    if (isHttps(c.req.url, c.req.header('X-Forwarded-Proto'), publicUrl)) headers.set('Strict-Transport-Security', HSTS);
  };
}

/** The reply's headers, copied onto a new reply first if they are immutable (a `Response.redirect`, a fetched one). */
function mutableHeaders(c: Context): Headers {
  try {
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
  } catch {
    c.res = new Response(c.res.body, c.res);
  }
  return c.res.headers;
}
