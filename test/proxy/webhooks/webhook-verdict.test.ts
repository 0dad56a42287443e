import { describe, expect, it } from 'vitest';
import { webhookVerdict } from '../../../src/proxy/webhooks/webhook-verdict';

const reply = (status: number, headers: Record<string, string> = {}) => ({ ok: true as const, reply: { status, headers, body: '' } });
const NOW = Date.parse('2026-11-23T10:00:00Z');

describe('webhookVerdict', () => {
  it('counts any 2xx as delivered', () => {
    expect(webhookVerdict(reply(200), NOW)).toEqual({ kind: 'delivered', status: 200 });
    expect(webhookVerdict(reply(299), NOW)).toEqual({ kind: 'delivered', status: 299 });
  });

  it('reads 410 Gone as the receiver asking for no more', () => {
    expect(webhookVerdict(reply(410), NOW)).toEqual({ kind: 'gone', status: 410 });
  });

  it('retries every other status, redirects and 4xx included', () => {
    for (const status of [301, 302, 400, 401, 404, 500, 503]) {
      expect(webhookVerdict(reply(status), NOW)).toEqual({ kind: 'retry', status, reason: `HTTP ${status}` });
    }
  });

  it('honours Retry-After in seconds or as an HTTP date', () => {
    expect(webhookVerdict(reply(429, { 'retry-after': '120' }), NOW)).toMatchObject({ afterMs: 120_000 });
    expect(webhookVerdict(reply(503, { 'retry-after': 'Mon, 23 Nov 2026 10:05:00 GMT' }), NOW)).toMatchObject({ afterMs: 300_000 });
  });

  it('retries a network error or a timeout, with no status', () => {
    expect(webhookVerdict({ ok: false, reason: 'no answer within 10000 ms' }, NOW)).toEqual({ kind: 'retry', status: null, reason: 'no answer within 10000 ms' });
  });
});
