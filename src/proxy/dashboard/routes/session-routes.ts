import { Hono } from 'hono';
import { SignInBodySchema } from '../../../shared/dashboard/dashboard-query';
import { validationFailed } from '../../api/api-errors';
import { errorResponse } from '../../json-response';
import { hashToken } from '../../store/token-store';
import { zodIssueErrors } from '../../zod-issue-errors';
import type { DashboardDeps } from '../dashboard-deps';
import { clearedSessionCookie, isHttps, sessionCookie, sessionSecretOf } from '../session-cookie';

const TWELVE_HOURS = 12 * 3_600_000;

/**
 * `POST /session` exchanges an org's API token for a session cookie; `DELETE
 * /session` ends it. Both take JSON only and refuse another site's Origin, so a
 * form on a foreign page can neither sign a browser in nor out (SameSite=Strict
 * already keeps the cookie from its requests). The token is read, hashed and
 * dropped: never stored in the page, the cookie or a log.
 */
export function sessionRoutes(deps: DashboardDeps): Hono {
  const app = new Hono();
  const secure = (c: { req: { url: string; header(name: string): string | undefined } }) => isHttps(c.req.url, c.req.header('X-Forwarded-Proto'), deps.publicUrl);

  app.post('/session', async (c) => {
    const refused = refuseCrossSite(c.req.url, c.req.header('Origin'), c.req.header('Content-Type'), deps.publicUrl);
    if (refused) return refused;
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return errorResponse(400, 'Problems parsing JSON');
    }
    const parsed = SignInBodySchema.safeParse(body, { reportInput: true });
    if (!parsed.success) return validationFailed(zodIssueErrors(parsed.error.issues).map((e) => ({ ...e, resource: 'dashboard' })));
    const tokenHash = hashToken(parsed.data.token);
    const org = await deps.tokenHashLookup(tokenHash);
    if (!org) return errorResponse(401, 'That token is not valid: check it, or ask for a new one with `npm run token`');
    const now = deps.now();
    const session = await deps.store.sessions.create(org, tokenHash, now, deps.sessionTtlMs ?? TWELVE_HOURS);
    return new Response(null, { status: 204, headers: { 'Set-Cookie': sessionCookie(session.secret, session.expiresAt, now, secure(c)), 'Cache-Control': 'no-store' } });
  });

  app.delete('/session', async (c) => {
    const refused = refuseCrossSite(c.req.url, c.req.header('Origin'), 'application/json', deps.publicUrl);
    if (refused) return refused;
    const secret = sessionSecretOf(c.req.header('Cookie'));
    if (secret) await deps.store.sessions.delete(secret);
    return new Response(null, { status: 204, headers: { 'Set-Cookie': clearedSessionCookie(secure(c)), 'Cache-Control': 'no-store' } });
  });
  return app;
}

/** Same site: the Origin's host is the one the request came to (a TLS front may change the scheme), or PUBLIC_URL's. */
function refuseCrossSite(url: string, origin: string | undefined, contentType: string | undefined, publicUrl: string | undefined): Response | undefined {
  if (origin !== undefined && !sameSite(origin, url, publicUrl)) return errorResponse(403, 'Signing in is only possible from the dashboard itself');
  if (!/^application\/json\b/i.test(contentType ?? '')) return errorResponse(415, 'Send the token as JSON: {"token": "…"}');
  return undefined;
}

function sameSite(origin: string, url: string, publicUrl: string | undefined): boolean {
  if (!URL.canParse(origin)) return false;
  const { host } = new URL(origin);
  return host === new URL(url).host || (publicUrl !== undefined && URL.canParse(publicUrl) && host === new URL(publicUrl).host);
}
