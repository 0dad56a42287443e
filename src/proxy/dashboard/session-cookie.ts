/**
 * The dashboard's session cookie: the only credential a signed-in browser holds.
 * HttpOnly (no script reads it), SameSite=Strict (no other site's page sends it,
 * which is the CSRF defence), Path=/dashboard (the widget's routes never see it),
 * Secure whenever the proxy is reached over https.
 */
export const SESSION_COOKIE = 'sw_dashboard';

/** The Set-Cookie value that stores `secret` until `expiresAt` (Max-Age, counted from `now`, so clock skew with the browser does not matter). */
export function sessionCookie(secret: string, expiresAt: Date, now: Date, secure: boolean): string {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000));
  return `${SESSION_COOKIE}=${secret}; Path=/dashboard; HttpOnly; SameSite=Strict; Max-Age=${maxAge}${secure ? '; Secure' : ''}`;
}

/** The Set-Cookie value that removes it. */
export function clearedSessionCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; Path=/dashboard; HttpOnly; SameSite=Strict; Max-Age=0${secure ? '; Secure' : ''}`;
}

/** The session secret in a Cookie header, if it has a plausible one. */
export function sessionSecretOf(cookieHeader: string | undefined): string | undefined {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    const value = rest.join('=');
    if (name === SESSION_COOKIE && /^[A-Za-z0-9_-]{20,100}$/.test(value)) return value;
  }
  return undefined;
}

// Moved beside the security headers, which read it too; re-exported for the session routes.
export { isHttps } from '../is-https';
