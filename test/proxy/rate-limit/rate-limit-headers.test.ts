import { describe, expect, it } from 'vitest';
import { rateLimitHeaders, tooManyRequestsMessage } from '../../../src/proxy/rate-limit/rate-limit-headers';
import { serviceLimit, windowStartOf, type RatePolicy } from '../../../src/proxy/rate-limit/rate-policy';

const ip: RatePolicy = { name: 'responses-ip', quota: 60, windowSeconds: 60, what: 'responses from one address' };
const org: RatePolicy = { name: 'responses-org', quota: 6000, windowSeconds: 60, what: 'responses for one org' };
/** 42 s into a window: 18 s until it ends. */
const NOW = 1_750_000_020_000 + 42_000;

describe('fixed windows', () => {
  it('start on multiples of the window since the epoch, so every instance agrees without talking', () => {
    expect(windowStartOf(125_000, 60)).toBe(120_000);
    expect(windowStartOf(120_000, 60)).toBe(120_000);
    expect(windowStartOf(119_999, 60)).toBe(60_000);
  });

  it('count the seconds left until the window ends, rounded up', () => {
    expect(serviceLimit(ip, 1, 120_000).resetSeconds).toBe(60);
    expect(serviceLimit(ip, 1, 179_001).resetSeconds).toBe(1);
  });

  it('admit the quota-th request and refuse the one after', () => {
    expect(serviceLimit(ip, 60, NOW)).toMatchObject({ remaining: 0, exceeded: false });
    expect(serviceLimit(ip, 61, NOW)).toMatchObject({ remaining: 0, exceeded: true });
  });
});

describe('RateLimit headers (draft-ietf-httpapi-ratelimit-headers-11)', () => {
  it('list every policy of the route, even one this request never reached', () => {
    expect(rateLimitHeaders([ip, org], [serviceLimit(ip, 3, NOW)])).toEqual({
      'RateLimit-Policy': '"responses-ip";q=60;w=60, "responses-org";q=6000;w=60',
      RateLimit: '"responses-ip";r=57;t=18',
    });
  });

  it('name the policy closest to exhaustion', () => {
    const headers = rateLimitHeaders([ip, org], [serviceLimit(ip, 3, NOW), serviceLimit(org, 5990, NOW)]);
    expect(headers.RateLimit).toBe('"responses-org";r=10;t=18');
  });

  it('add Retry-After only when a limit is exceeded, never before its window ends', () => {
    expect(rateLimitHeaders([ip], [serviceLimit(ip, 60, NOW)])['Retry-After']).toBeUndefined();
    expect(rateLimitHeaders([ip], [serviceLimit(ip, 61, NOW)])).toMatchObject({ RateLimit: '"responses-ip";r=0;t=18', 'Retry-After': '18' });
  });

  it('are left off a route whose every limit is off', () => {
    expect(rateLimitHeaders([], [])).toEqual({});
  });

  it('say in the 429 which limit was hit and when to retry', () => {
    expect(tooManyRequestsMessage([serviceLimit(org, 3, NOW), serviceLimit(ip, 61, NOW)])).toBe(
      'Too many requests: at most 60 responses from one address per 60 s (rate limit "responses-ip"); retry in 18 s',
    );
  });
});
