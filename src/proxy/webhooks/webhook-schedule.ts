import type { RetrySchedule } from '../relay/retry-schedule';

/**
 * When a failed webhook delivery is tried again: 5 s after the first attempt,
 * doubling (10 s, 20 s … 42 min 40 s), then hourly, for three days after the
 * first attempt; each delay drawn from its second half so a receiver coming
 * back up is not hit by every delivery at the same instant. Receivers are
 * usually back within seconds, so the first retries come sooner than the
 * relay's; the deadline is the same, so a weekend outage loses nothing.
 */
export const WEBHOOK_RETRY_SCHEDULE: RetrySchedule = { firstDelayMs: 5_000, maxDelayMs: 3_600_000, deadlineMs: 3 * 86_400_000, jitter: 0.5 };
