import { describe, expect, it } from 'vitest';
import { REDACTED, redactSecrets, secretValues } from '../../../src/proxy/relay/redact-secrets';
import { sendCall } from '../../../src/proxy/relay/send-call';

const KEY = 'p@ss w/rd+"é';
const base64 = (text: string) => Buffer.from(text).toString('base64');

describe('redactSecrets()', () => {
  it.each([
    ['as is', `error: ${KEY} refused`],
    ['URL-encoded, as in a query string', `GET /x?key=${encodeURIComponent(KEY)}`],
    ['form-encoded, as Securating and eTrusted send it', `keywebsite=${new URLSearchParams([['', KEY]]).toString().slice(1)}&days=0`],
    ['JSON-escaped, as in Customer Radar’s login body', JSON.stringify({ password: KEY })],
    ['base64, as in HTTP Basic', `Authorization: Basic ${base64(KEY)}`],
    ['base64 without its padding', `token ${base64(KEY).replace(/=+$/, '')}.`],
  ])('blanks a secret echoed %s', (_form, text) => {
    const redacted = redactSecrets([KEY])(text);
    expect(redacted).toContain(REDACTED);
    for (const piece of ['p@ss', 'w/rd', 'p%40ss', base64(KEY).slice(0, 8)]) expect(redacted).not.toContain(piece);
  });

  it('blanks a username:password pair sent as HTTP Basic', () => {
    const redact = redactSecrets(['cr-user-1', 'cr-password-2']);
    expect(redact(`Basic ${base64('cr-user-1:cr-password-2')} from cr-user-1`)).toBe('Basic [redacted] from [redacted]');
  });

  it('keeps everything else of the text, so the provider’s own words still explain the failure', () => {
    expect(redactSecrets(['k-123456'])('HTTP 401: error: keywebsite k-123456 inconnue')).toBe('HTTP 401: error: keywebsite [redacted] inconnue');
  });

  it('leaves a text alone when there is no secret, or only values too short to be one', () => {
    expect(redactSecrets([])('HTTP 500: acme is down')).toBe('HTTP 500: acme is down');
    expect(redactSecrets(['abc', '', undefined])('HTTP 500: abc is down')).toBe('HTTP 500: abc is down');
  });

  it('reads secrets holding characters that mean something in a regular expression literally', () => {
    expect(redactSecrets(['a.b*c(d)'])('a.b*c(d) axbbbc(d)')).toBe('[redacted] axbbbc(d)');
  });
});

describe('secretValues()', () => {
  it('takes the string values of a route’s secrets, whatever their names', () => {
    expect(secretValues({ clientId: 'id-1', clientSecret: 's-2' })).toEqual(['id-1', 's-2']);
    expect(secretValues(undefined)).toEqual([]);
  });
});

describe('sendCall() with the route’s secrets', () => {
  const call = { method: 'POST' as const, url: 'https://api.example/send', headers: {}, body: 'key=k-123456' };

  it('hands the adapter a reply with the secrets blanked, in its body and its headers', async () => {
    const echo = (async () => new Response('you sent key=k-123456', { status: 400, headers: { 'X-Echo': 'k-123456' } })) as unknown as typeof fetch;
    expect(await sendCall(call, echo, 1_000, ['k-123456'])).toEqual({ ok: true, reply: { status: 400, headers: expect.objectContaining({ 'x-echo': REDACTED }), body: `you sent key=${REDACTED}` } });
  });

  it('blanks them in a network error’s message too', async () => {
    const failing = (async () => {
      throw new TypeError('fetch failed for https://api.example/send?key=k-123456');
    }) as unknown as typeof fetch;
    expect(await sendCall(call, failing, 1_000, ['k-123456'])).toEqual({ ok: false, reason: `network error: fetch failed for https://api.example/send?key=${REDACTED}` });
  });
});
