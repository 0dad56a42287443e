import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Standard Webhooks signing (https://www.standardwebhooks.com): a delivery
 * carries `webhook-id`, `webhook-timestamp` (Unix seconds) and
 * `webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">`, keyed
 * with the base64 part of a `whsec_` secret. Pure functions of their inputs.
 */

const PREFIX = 'whsec_';

/** A new secret: `whsec_` and 24 random bytes in base64, as the spec's libraries make them. */
export function newWebhookSecret(): string {
  return PREFIX + randomBytes(24).toString('base64');
}

/** The three headers of one delivery. Several secrets (during a rotation) give several signatures. */
export function webhookHeaders(secrets: readonly string[], id: string, timestampSeconds: number, body: string): Record<string, string> {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestampSeconds),
    'webhook-signature': secrets.map((secret) => `v1,${signature(secret, id, timestampSeconds, body)}`).join(' '),
  };
}

/**
 * True when one of the `v1` signatures in `header` matches one of `secrets`
 * and the timestamp is within `toleranceSeconds` of `nowSeconds` (the spec's
 * replay protection; five minutes by default).
 */
export function verifyWebhook(
  secrets: readonly string[],
  headers: { id: string; timestamp: string; signature: string },
  body: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  const timestamp = Number(headers.timestamp);
  if (!/^\d+$/.test(headers.timestamp) || Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  const given = headers.signature.split(' ').filter((s) => s.startsWith('v1,')).map((s) => Buffer.from(s.slice(3), 'base64'));
  return secrets.some((secret) => {
    const expected = Buffer.from(signature(secret, headers.id, timestamp, body), 'base64');
    return given.some((g) => g.length === expected.length && timingSafeEqual(g, expected));
  });
}

function signature(secret: string, id: string, timestampSeconds: number, body: string): string {
  const key = Buffer.from(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret, 'base64');
  return createHmac('sha256', key).update(`${id}.${timestampSeconds}.${body}`).digest('base64');
}
