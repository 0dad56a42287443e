import { describe, expect, it } from 'vitest';
import { nextStep, RELAY_RETRY_SCHEDULE, type RetrySchedule } from '../../../src/proxy/relay/retry-schedule';

const t0 = Date.parse('2026-11-23T10:00:00Z');
const schedule: RetrySchedule = { firstDelayMs: 1_000, maxDelayMs: 8_000, deadlineMs: 60_000, jitter: 0.5 };
const retry = (afterMs?: number) => ({ kind: 'retry' as const, reason: 'HTTP 503', afterMs });

describe('nextStep()', () => {
  it('is done when the system accepted the request', () => {
    expect(nextStep({ kind: 'sent', providerId: '7' }, 1, t0, t0, schedule)).toEqual({ kind: 'done', outcome: { kind: 'sent', providerId: '7' } });
  });

  it('gives up at once on a refusal, with the system’s reason', () => {
    expect(nextStep({ kind: 'refused', reason: 'HTTP 422 email invalid' }, 1, t0, t0, schedule)).toEqual({ kind: 'give_up', reason: 'HTTP 422 email invalid' });
  });

  it.each([
    [1, 1_000],
    [2, 2_000],
    [3, 4_000],
    [4, 8_000],
    [9, 8_000],
  ])('after attempt %i waits %i ms without jitter, doubling up to the cap', (attempts, delay) => {
    expect(nextStep(retry(), attempts, t0, t0, schedule, () => 0)).toEqual({ kind: 'again', at: t0 + delay, reason: 'HTTP 503' });
  });

  it('draws the jitter below the backoff, never above', () => {
    expect(nextStep(retry(), 3, t0, t0, schedule, () => 1)).toMatchObject({ at: t0 + 2_000 });
    expect(nextStep(retry(), 3, t0, t0, schedule, () => 0.5)).toMatchObject({ at: t0 + 3_000 });
  });

  it('waits out a longer Retry-After, and ignores a shorter one', () => {
    expect(nextStep(retry(30_000), 1, t0, t0, schedule, () => 0)).toMatchObject({ at: t0 + 30_000 });
    expect(nextStep(retry(10), 1, t0, t0, schedule, () => 0)).toMatchObject({ at: t0 + 1_000 });
  });

  it('gives up when the next try would fall past the deadline, saying how long it tried', () => {
    const step = nextStep(retry(), 12, t0, t0 + 55_000, schedule, () => 0);
    expect(step).toEqual({ kind: 'give_up', reason: 'still failing after 12 attempts over 1 min: HTTP 503' });
  });

  it('keeps a system that is down for a weekend within the default deadline', () => {
    const weekend = 2 * 86_400_000;
    expect(nextStep(retry(), 60, t0, t0 + weekend, RELAY_RETRY_SCHEDULE, () => 0).kind).toBe('again');
  });
});
