/**
 * Reads `Retry-After` (RFC 9110: delay-seconds or an HTTP-date) as
 * milliseconds from `now`; undefined when absent or unreadable.
 *
 * @example
 * retryAfterMs('120', Date.now()) // 120000
 */
export function retryAfterMs(header: string | undefined, now: number): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * The transient-or-not verdict the seeds leave to HTTP: network errors, 5xx,
 * 408 and 429 are worth retrying; other 4xx are refusals.
 */
export function isRetryableStatus(status: number): boolean {
  return status >= 500 || status === 408 || status === 429;
}
