import type { MiddlewareHandler } from 'hono';
import { errorResponse } from '../json-response';
import type { SessionStore } from '../store/session-store';
import { sessionSecretOf } from './session-cookie';
import type { SessionVariables } from './dashboard-deps';

/**
 * Lets a request through only with a live session (unexpired, its token still
 * valid) and names its org for the routes; anything else is a v1 401, which
 * the page answers with its sign-in form.
 */
export function requireSession(sessions: SessionStore, tokenHashLookup: (hash: string) => Promise<string | undefined>, now: () => Date): MiddlewareHandler<{ Variables: SessionVariables }> {
  return async (c, next) => {
    const secret = sessionSecretOf(c.req.header('Cookie'));
    const session = secret ? await liveSession(sessions, tokenHashLookup, secret, now()) : undefined;
    if (!session) return errorResponse(401, 'Sign in to see the dashboard', { 'Cache-Control': 'no-store' });
    c.set('org', session.org);
    c.set('sessionExpiresAt', session.expiresAt);
    c.set('sessionSecret', secret as string);
    await next();
    c.header('Cache-Control', 'no-store');
  };
}

/** The session, while it is unexpired and its token still valid (not revoked in the database, not gone from API_TOKENS). */
export async function liveSession(sessions: SessionStore, tokenHashLookup: (hash: string) => Promise<string | undefined>, secret: string, now: Date) {
  const session = await sessions.find(secret, now);
  return session && (await tokenHashLookup(session.tokenHash)) === session.org ? session : undefined;
}
