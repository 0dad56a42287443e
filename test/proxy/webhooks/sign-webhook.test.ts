import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { newWebhookSecret, verifyWebhook, webhookHeaders } from '../../../src/proxy/webhooks/sign-webhook';

const body = JSON.stringify({ type: 'response.created', timestamp: '2026-11-23T10:00:00Z', data: { id: 1 } });
const now = Math.floor(Date.now() / 1000);

describe('webhook signatures', () => {
  it('are verified by the independent standardwebhooks package', () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    const headers = webhookHeaders([secret], 'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W', now, body);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it('carry one signature per secret while a secret is rotated, each verifiable on its own', () => {
    const [old, next] = [newWebhookSecret(), newWebhookSecret()];
    const headers = webhookHeaders([old, next], 'msg_1', now, body);
    expect(headers['webhook-signature']?.split(' ')).toHaveLength(2);
    expect(new Webhook(old).verify(body, headers)).toBeTruthy();
    expect(new Webhook(next).verify(body, headers)).toBeTruthy();
  });

  it('match what the package itself signs, byte for byte', () => {
    const secret = newWebhookSecret();
    const theirs = new Webhook(secret).sign('msg_1', new Date(now * 1000), body);
    expect(webhookHeaders([secret], 'msg_1', now, body)['webhook-signature']).toBe(theirs);
  });

  it('are refused when the body, the id or the secret differ, or the timestamp is stale', () => {
    const secret = newWebhookSecret();
    const h = webhookHeaders([secret], 'msg_1', now, body);
    const given = { id: h['webhook-id']!, timestamp: h['webhook-timestamp']!, signature: h['webhook-signature']! };
    expect(verifyWebhook([secret], given, body, now)).toBe(true);
    expect(verifyWebhook([secret], given, `${body} `, now)).toBe(false);
    expect(verifyWebhook([secret], { ...given, id: 'msg_2' }, body, now)).toBe(false);
    expect(verifyWebhook([newWebhookSecret()], given, body, now)).toBe(false);
    expect(verifyWebhook([secret], given, body, now + 301)).toBe(false);
    expect(() => new Webhook(secret).verify(`${body} `, h)).toThrow();
  });
});
