/** One limit: at most `quota` requests per key in each fixed window of `windowSeconds`. */
export interface RatePolicy {
  /** Its name in the RateLimit headers and in the counter's keys, e.g. `responses-ip`. */
  name: string;
  quota: number;
  windowSeconds: number;
  /** What is counted, for the 429's message: `responses from one address`. */
  what: string;
}

/** Where one policy stands for one request: the draft's service limit. */
export interface ServiceLimit {
  policy: RatePolicy;
  /** Requests left in this window (0 once exceeded). */
  remaining: number;
  /** Whole seconds until the window ends and the count starts again. */
  resetSeconds: number;
  /** This request was over the quota. */
  exceeded: boolean;
}

/**
 * The start of the fixed window holding `nowMs`: windows are aligned to the
 * epoch, so every instance on one database agrees on them without talking.
 *
 * @example
 * windowStartOf(125_000, 60) // 120_000
 */
export function windowStartOf(nowMs: number, windowSeconds: number): number {
  const windowMs = windowSeconds * 1000;
  return Math.floor(nowMs / windowMs) * windowMs;
}

/**
 * The decision for a request that made `hits` hits (its own included) on
 * `policy`'s key in the window holding `nowMs`.
 *
 * @example
 * serviceLimit({ name: 'sign-in-ip', quota: 10, windowSeconds: 60, what: 'sign-ins' }, 11, 125_000)
 * // { remaining: 0, resetSeconds: 55, exceeded: true, policy }
 */
export function serviceLimit(policy: RatePolicy, hits: number, nowMs: number): ServiceLimit {
  const ends = windowStartOf(nowMs, policy.windowSeconds) + policy.windowSeconds * 1000;
  return { policy, remaining: Math.max(0, policy.quota - hits), resetSeconds: Math.ceil((ends - nowMs) / 1000), exceeded: hits > policy.quota };
}
