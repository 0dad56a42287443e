import { describe, expect, it } from 'vitest';
import { isRetryable, MAX_ATTEMPTS, MAX_DELAY_MS, parseRetryAfter, retryDelay } from '../../../src/widget/delivery/retry-policy';

const NOW = Date.parse('2026-11-22T12:00:00Z');

describe('isRetryable()', () => {
  it.each([408, 425, 429, 500, 502, 503, 504, 599])('retries a %i', (status) => {
    expect(isRetryable(status)).toBe(true);
  });

  it.each([400, 401, 403, 404, 405, 409, 410, 413, 415, 422])('gives up on a %i: the body will never be taken', (status) => {
    expect(isRetryable(status)).toBe(false);
  });
});

describe('retryDelay()', () => {
  it('doubles the wait after each failure, between half and all of it by the random draw', () => {
    expect([0, 1, 2, 3].map((n) => retryDelay(n, null, NOW, 0))).toEqual([500, 1000, 2000, 4000]);
    expect([0, 1, 2, 3].map((n) => retryDelay(n, null, NOW, 1))).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelay(0, null, NOW, 0.5)).toBe(750);
  });

  it('never waits longer than a minute', () => {
    expect(retryDelay(6, null, NOW, 1)).toBe(MAX_DELAY_MS);
  });

  it('stops after the last attempt of this page', () => {
    expect(retryDelay(MAX_ATTEMPTS - 2, null, NOW, 0)).toBeGreaterThan(0);
    expect(retryDelay(MAX_ATTEMPTS - 1, null, NOW, 0)).toBeUndefined();
  });

  it('waits as long as Retry-After asks, in seconds or as an HTTP date, without jitter', () => {
    expect(retryDelay(0, '3', NOW, 0)).toBe(3000);
    expect(retryDelay(5, '0', NOW, 1)).toBe(0);
    expect(retryDelay(0, 'Sun, 22 Nov 2026 12:00:07 GMT', NOW, 0)).toBe(7000);
  });

  it('stops for this page when Retry-After asks for more than a minute', () => {
    expect(retryDelay(0, '3600', NOW, 0)).toBeUndefined();
  });

  it('falls back to the backoff when Retry-After is unreadable', () => {
    expect(retryDelay(1, 'soon', NOW, 0)).toBe(1000);
  });
});

describe('parseRetryAfter()', () => {
  it.each([
    ['120', 120_000],
    [' 5 ', 5000],
    ['Sun, 22 Nov 2026 12:01:00 GMT', 60_000],
    ['Sun, 22 Nov 2026 11:00:00 GMT', 0],
  ])('reads %j as %i ms', (value, ms) => {
    expect(parseRetryAfter(value, NOW)).toBe(ms);
  });

  it.each([null, '', '-1', '1.5', 'later', '2026-11-22'])('ignores %j', (value) => {
    expect(parseRetryAfter(value, NOW)).toBeUndefined();
  });
});
