import type { RatePolicy, ServiceLimit } from './rate-policy';

/**
 * The RateLimit header fields of draft-ietf-httpapi-ratelimit-headers-11
 * (structured-field lists): `RateLimit-Policy` names every policy the route
 * applies, whether or not this request reached it, so the field stays the
 * same from reply to reply (section 3); `RateLimit` gives the service limit of
 * the policy closest to exhaustion, the one a client must slow down for
 * (section 4). Over a limit, `Retry-After` is the end of the longest window
 * exceeded, never earlier than the effective window (section 6).
 *
 * @example
 * rateLimitHeaders([ip, org], [serviceLimit(ip, 3, now)])
 * // { 'RateLimit-Policy': '"responses-ip";q=60;w=60, "responses-org";q=6000;w=60', RateLimit: '"responses-ip";r=57;t=42' }
 */
export function rateLimitHeaders(advertised: readonly RatePolicy[], limits: readonly ServiceLimit[]): Record<string, string> {
  if (advertised.length === 0) return {};
  const headers: Record<string, string> = { 'RateLimit-Policy': advertised.map((p) => `"${p.name}";q=${p.quota};w=${p.windowSeconds}`).join(', ') };
  const closest = closestToExhaustion(limits);
  if (closest) headers.RateLimit = `"${closest.policy.name}";r=${closest.remaining};t=${closest.resetSeconds}`;
  const exceeded = limits.filter((l) => l.exceeded);
  if (exceeded.length > 0) headers['Retry-After'] = String(Math.max(...exceeded.map((l) => l.resetSeconds)));
  return headers;
}

/** The 429's message: which limit, and when to try again. */
export function tooManyRequestsMessage(limits: readonly ServiceLimit[]): string {
  const exceeded = limits.filter((l) => l.exceeded).sort((a, b) => b.resetSeconds - a.resetSeconds);
  const worst = exceeded[0];
  if (!worst) return 'Too many requests';
  const { policy } = worst;
  return `Too many requests: at most ${policy.quota} ${policy.what} per ${policy.windowSeconds} s (rate limit "${policy.name}"); retry in ${worst.resetSeconds} s`;
}

/** Fewest requests left; of equals, the longer wait. */
function closestToExhaustion(limits: readonly ServiceLimit[]): ServiceLimit | undefined {
  return [...limits].sort((a, b) => a.remaining - b.remaining || b.resetSeconds - a.resetSeconds)[0];
}
