import type { Context, MiddlewareHandler } from 'hono';
import { errorResponse } from '../json-response';
import type { RateCounter } from './rate-counter';
import { rateLimitHeaders, tooManyRequestsMessage } from './rate-limit-headers';
import { serviceLimit, windowStartOf, type RatePolicy, type ServiceLimit } from './rate-policy';

export interface RateLimiterDeps {
  counter: RateCounter;
  now: () => Date;
  /** Where a failing counter is reported (at most once a minute). */
  log: (message: string) => void;
}

/** A policy and whom a request counts against under it (its client's address, its org). */
export interface RateCheck {
  policy: RatePolicy;
  /** Undefined when it cannot be told (no socket in process): such requests share one count. */
  subject: (c: Context) => string | undefined;
}

/** The limits of one route, which its replies advertise together. */
export interface LimitedRoute {
  /** Middleware: counts the checks before the handler (429 when over) and puts the RateLimit headers on whatever it answers. */
  limit(...checks: RateCheck[]): MiddlewareHandler;
  /** The same from inside a handler, once the subject is known (a response's org is in its body): a 429 to return, or undefined. */
  admit(c: Context, policy: RatePolicy, subject: string): Promise<Response | undefined>;
}

export interface RateLimiter {
  /** The route that applies `policies`; a policy with quota 0 is off, and is neither counted nor advertised. */
  route(policies: readonly RatePolicy[]): LimitedRoute;
}

const FAILURE_LOG_MS = 60_000;

/**
 * Fixed-window rate limits as Hono middleware. A request's service limits are
 * remembered while it is handled, so the outermost limit's headers tell of
 * every check the request passed, including one made later in the handler.
 *
 * If the counter fails (its database unreachable) the request goes on
 * uncounted, with one log line a minute: the limits guard the proxy, and must
 * not become a second way for an outage to refuse responses (the store answers
 * 503 on its own when it is what is down).
 *
 * @example
 * const route = createRateLimiter({ counter, now, log }).route([perIp]);
 * app.post('/session', route.limit({ policy: perIp, subject: (c) => clientAddress(c) }), signIn);
 */
export function createRateLimiter({ counter, now, log }: RateLimiterDeps): RateLimiter {
  // By context, not by Request: limitBody swaps `c.req.raw` for one with a capped body.
  const seen = new WeakMap<Context, ServiceLimit[]>();
  let lastFailureLog = -Infinity;

  async function count(c: Context, checks: { policy: RatePolicy; subject: string }[]): Promise<void> {
    const nowMs = now().getTime();
    try {
      // One call per window length (all share one today), each a single atomic statement.
      const windows = [...new Set(checks.map((ch) => ch.policy.windowSeconds))];
      const limits = (
        await Promise.all(
          windows.map(async (seconds) => {
            const group = checks.filter((ch) => ch.policy.windowSeconds === seconds);
            const hits = await counter.hit(group.map((ch) => `${ch.policy.name}:${ch.subject}`), windowStartOf(nowMs, seconds));
            return group.map((ch, i) => serviceLimit(ch.policy, hits[i] ?? 0, nowMs));
          }),
        )
      ).flat();
      seen.set(c, [...(seen.get(c) ?? []), ...limits]);
    } catch (error) {
      if (nowMs - lastFailureLog < FAILURE_LOG_MS) return;
      lastFailureLog = nowMs;
      log(`[survey-proxy] rate limits could not be counted, so requests are let through uncounted: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  return {
    route(policies) {
      const advertised = policies.filter((p) => p.quota > 0);
      const refusal = (c: Context) => {
        const limits = seen.get(c) ?? [];
        if (!limits.some((l) => l.exceeded)) return undefined;
        return errorResponse(429, tooManyRequestsMessage(limits), rateLimitHeaders(advertised, limits));
      };
      return {
        limit: (...checks) => {
          const active = checks.filter((ch) => ch.policy.quota > 0);
          if (advertised.length === 0) return (_c, next) => next();
          return async (c, next) => {
            if (active.length > 0) await count(c, active.map((ch) => ({ policy: ch.policy, subject: ch.subject(c) ?? 'unknown' })));
            const refused = refusal(c);
            if (refused) return refused;
            await next();
            const headers = rateLimitHeaders(advertised, seen.get(c) ?? []);
            try {
              for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
            } catch {
              // Immutable headers (a redirect, a fetched reply): the reply is copied, then told.
              c.res = new Response(c.res.body, c.res);
              for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
            }
          };
        },
        admit: async (c, policy, subject) => {
          if (policy.quota <= 0) return undefined;
          await count(c, [{ policy, subject }]);
          return refusal(c);
        },
      };
    },
  };
}
