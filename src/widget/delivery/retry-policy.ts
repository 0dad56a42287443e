/**
 * When to send a response again, as pure functions of the status, the
 * attempt number, the clock and a random number, so tests need no timers.
 */

/** The first wait; each later one doubles, up to MAX_DELAY_MS. */
export const BASE_DELAY_MS = 1_000;
/** The longest wait, also the most of a `Retry-After` this page will honour. */
export const MAX_DELAY_MS = 60_000;
/** Attempts per page; after them a response waits in storage for the next page load or `online`. */
export const MAX_ATTEMPTS = 8;

/**
 * Worth sending again: the proxy or a hop on the way was busy or broken
 * (408, 425, 429, 5xx). Any other 4xx means this body will never be taken.
 */
export function isRetryable(status: number): boolean {
  return status >= 500 || status === 408 || status === 425 || status === 429;
}

/**
 * Milliseconds to wait after failed attempt number `attempt` (0 for the
 * first): the proxy's `Retry-After` when it gives one, otherwise an
 * exponential backoff with equal jitter, so a fleet of pages that lost the
 * proxy at once does not come back at once. Undefined means stop for this page:
 * the attempts are used up, or the proxy asked for a longer pause than MAX_DELAY_MS.
 *
 * @example
 * retryDelay(0, null, Date.now(), 0.5) // 750: between 500 and 1000
 * retryDelay(0, '3', Date.now(), 0.5)  // 3000
 */
export function retryDelay(attempt: number, retryAfter: string | null, now: number, random: number): number | undefined {
  if (attempt + 1 >= MAX_ATTEMPTS) return undefined;
  const asked = parseRetryAfter(retryAfter, now);
  if (asked !== undefined) return asked <= MAX_DELAY_MS ? asked : undefined;
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt);
  return ceiling / 2 + (random * ceiling) / 2;
}

/**
 * `Retry-After` in milliseconds from now: delay-seconds or an HTTP date
 * (RFC 9110 §10.2.3); a date in the past means now. Undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // Only an HTTP date (it ends in GMT): V8's lenient Date.parse would read "1.5" as a day in 2001.
  const date = / GMT$/.test(text) ? Date.parse(text) : NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
