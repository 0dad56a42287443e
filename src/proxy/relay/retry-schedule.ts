import type { Outcome } from './relay-adapter';

/**
 * When to try a relayed request (or a webhook delivery) again, as data:
 * exponential backoff from `firstDelayMs`, doubling up to `maxDelayMs`, with
 * jitter, until `deadlineMs` after the first attempt. The workers read it;
 * no timeout is scattered through their code.
 */
export interface RetrySchedule {
  firstDelayMs: number;
  maxDelayMs: number;
  /** How long after the first attempt a request may still be retried; then it ends `not_sent`. */
  deadlineMs: number;
  /** 0 to 1: each delay is drawn from [delay × (1 - jitter), delay]. */
  jitter: number;
}

/** 30 s, 1 min, 2 min … at most an hour apart, for up to three days: a system down for a weekend loses nothing. */
export const RELAY_RETRY_SCHEDULE: RetrySchedule = { firstDelayMs: 30_000, maxDelayMs: 3_600_000, deadlineMs: 3 * 86_400_000, jitter: 0.5 };

export type NextStep =
  | { kind: 'done'; outcome: Extract<Outcome, { kind: 'sent' }> }
  | { kind: 'again'; at: number; reason: string }
  | { kind: 'give_up'; reason: string };

/**
 * What follows an attempt. `attempts` counts the attempts made so far (this
 * one included); `firstAttemptAt` and `now` are ms since the epoch; `random`
 * is injected so tests are exact. A `Retry-After` longer than the backoff wins,
 * but never past the deadline.
 *
 * @example
 * nextStep({ kind: 'retry', reason: 'HTTP 503' }, 1, t0, t0, RELAY_RETRY_SCHEDULE, () => 1) // { kind: 'again', at: t0 + 30000, … }
 */
export function nextStep(outcome: Outcome, attempts: number, firstAttemptAt: number, now: number, schedule: RetrySchedule, random: () => number = Math.random): NextStep {
  if (outcome.kind === 'sent') return { kind: 'done', outcome };
  if (outcome.kind === 'refused' || outcome.kind === 'reauthenticate') return { kind: 'give_up', reason: outcome.reason };
  const backoff = Math.min(schedule.maxDelayMs, schedule.firstDelayMs * 2 ** Math.max(0, attempts - 1));
  const jittered = backoff * (1 - schedule.jitter * random());
  const at = now + Math.max(jittered, outcome.afterMs ?? 0);
  if (at > firstAttemptAt + schedule.deadlineMs) {
    return { kind: 'give_up', reason: `still failing after ${attempts} attempts over ${Math.round((now - firstAttemptAt) / 60_000)} min: ${outcome.reason}` };
  }
  return { kind: 'again', at: Math.round(at), reason: outcome.reason };
}
