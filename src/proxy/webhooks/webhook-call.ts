import type { HttpCall } from '../relay/relay-adapter';
import type { WebhookEndpoint } from '../store/webhook-store';
import { webhookHeaders } from './sign-webhook';

/** Who is calling, as receivers see it in their logs. */
export const WEBHOOK_USER_AGENT = 'survey-widget-proxy/0.1.0 webhooks (+https://www.standardwebhooks.com)';

type Signer = Pick<WebhookEndpoint, 'secret' | 'previous_secret' | 'previous_secret_until'>;

/**
 * The secrets that sign a delivery made at `now`: the current one, and the
 * rotated-out one while its grace period lasts, so a receiver still holding
 * the old secret keeps verifying until it switches.
 */
export function signingSecrets(endpoint: Signer, now: Date): string[] {
  const previous = endpoint.previous_secret !== null && endpoint.previous_secret_until !== null && endpoint.previous_secret_until > now.toISOString();
  return previous ? [endpoint.secret, endpoint.previous_secret as string] : [endpoint.secret];
}

/**
 * One delivery as an HTTP call: the exact stored `body`, signed with the
 * Standard Webhooks headers for `messageId` at `now`. Pure.
 *
 * @example
 * webhookCall(endpoint, 'msg_…', '{"type":"response.created",…}', new Date())
 * // { method: 'POST', url, headers: { 'webhook-id': 'msg_…', 'webhook-timestamp': '…', 'webhook-signature': 'v1,…', … }, body }
 */
export function webhookCall(endpoint: Signer & Pick<WebhookEndpoint, 'url'>, messageId: string, body: string, now: Date): HttpCall {
  return {
    method: 'POST',
    url: endpoint.url,
    headers: {
      'Content-Type': 'application/json',
      'User-Agent': WEBHOOK_USER_AGENT,
      ...webhookHeaders(signingSecrets(endpoint, now), messageId, Math.floor(now.getTime() / 1000), body),
    },
    body,
  };
}
