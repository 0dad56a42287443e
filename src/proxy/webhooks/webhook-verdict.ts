import { retryAfterMs } from '../relay/retry-after';
import type { SendResult } from '../relay/send-call';

/** What one attempt's reply means for the delivery. */
export type WebhookVerdict =
  | { kind: 'delivered'; status: number }
  /** 410 Gone: the receiver says the endpoint is gone for good. */
  | { kind: 'gone'; status: number }
  /** Anything else: no answer, a timeout, 3xx, 4xx, 5xx; `afterMs` when the receiver said how long to wait. */
  | { kind: 'retry'; status: number | null; reason: string; afterMs?: number };

/**
 * Reads an attempt as the spec's "Delivery success and failure" asks: any
 * 2xx is delivered; 410 Gone means the receiver wants no more, so the endpoint
 * is disabled (Svix's convention, written into Standard Webhooks); every other
 * status (3xx included: redirects are not followed), a network error or a
 * timeout is retried, honouring `Retry-After`. Pure; `now` is ms since the epoch.
 * https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md#delivery-success-and-failure
 *
 * @example
 * webhookVerdict({ ok: true, reply: { status: 429, headers: { 'retry-after': '60' }, body: '' } }, Date.now())
 * // { kind: 'retry', status: 429, reason: 'HTTP 429', afterMs: 60000 }
 */
export function webhookVerdict(sent: SendResult, now: number): WebhookVerdict {
  if (!sent.ok) return { kind: 'retry', status: null, reason: sent.reason };
  const { status, headers } = sent.reply;
  if (status >= 200 && status < 300) return { kind: 'delivered', status };
  if (status === 410) return { kind: 'gone', status };
  const afterMs = retryAfterMs(headers['retry-after'], now);
  return { kind: 'retry', status, reason: `HTTP ${status}`, ...(afterMs === undefined ? {} : { afterMs }) };
}
