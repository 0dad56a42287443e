import type { Context, MiddlewareHandler } from 'hono';
import type { ApiEnv } from '../api/api-env';
import { RATE_LIMITS_OFF, type RateLimitConfig } from '../config';
import { addressKey, clientAddress, type ClientAddress } from './client-address';
import { createMemoryCounter } from './memory-counter';
import type { RateCounter } from './rate-counter';
import { createRateLimiter } from './rate-limiter';
import type { RatePolicy } from './rate-policy';

export interface AppLimitsDeps {
  /** The configured limits; default none. */
  config?: RateLimitConfig;
  /** Default: memory, right for one process. */
  counter?: RateCounter;
  /** Default: the socket's address (`TRUST_PROXY=0`). */
  clientAddress?: ClientAddress;
  now: () => Date;
  log: (message: string) => void;
}

/** The proxy's limits, ready to mount: each is a no-op when its quota is 0. */
export interface AppLimits {
  responses: {
    /** `POST /v1/responses` per client address, before the body is read. */
    perIp: MiddlewareHandler;
    /** Per the body's org, once it is validated: postResponse's `admit` hook. */
    perOrg: (c: Context, org: string) => Promise<Response | undefined>;
  };
  api: {
    /** Before the API's header and token checks, so guessing tokens is counted too. */
    perIp: MiddlewareHandler;
    /** After `requireToken`: the token's org. */
    perOrg: MiddlewareHandler<ApiEnv>;
  };
  /** `POST /dashboard/api/session` per client address. */
  signIn: MiddlewareHandler;
}

/**
 * The proxy's abuse limits from its config (README "Configuration"): per
 * client address and per org on responses and the REST API, per address on
 * dashboard sign-ins, all in one fixed window.
 *
 * @example
 * const limits = appLimits({ config: DEFAULT_RATE_LIMITS, now, log });
 * app.post('/v1/responses', limits.responses.perIp, handler);
 */
export function appLimits(deps: AppLimitsDeps): AppLimits {
  const config = deps.config ?? RATE_LIMITS_OFF;
  const limiter = createRateLimiter({ counter: deps.counter ?? createMemoryCounter(), now: deps.now, log: deps.log });
  const address = deps.clientAddress ?? clientAddress(0);
  const ip = (c: Context) => addressKey(address(c));
  const policy = (name: string, quota: number, what: string): RatePolicy => ({ name, quota, windowSeconds: config.windowSeconds, what });
  const responsesIp = policy('responses-ip', config.responsesPerIp, 'responses from one address');
  const responsesOrg = policy('responses-org', config.responsesPerOrg, 'responses for one org');
  const apiIp = policy('api-ip', config.apiPerIp, 'API requests from one address');
  const apiOrg = policy('api-org', config.apiPerOrg, 'API requests for one org');
  const signInIp = policy('sign-in-ip', config.signInPerIp, 'sign-ins from one address');
  const responses = limiter.route([responsesIp, responsesOrg]);
  const api = limiter.route([apiIp, apiOrg]);
  const signIn = limiter.route([signInIp]);
  return {
    responses: { perIp: responses.limit({ policy: responsesIp, subject: ip }), perOrg: (c, org) => responses.admit(c, responsesOrg, org) },
    api: { perIp: api.limit({ policy: apiIp, subject: ip }), perOrg: api.limit({ policy: apiOrg, subject: (c) => (c as Context<ApiEnv>).get('org') }) },
    signIn: signIn.limit({ policy: signInIp, subject: ip }),
  };
}
