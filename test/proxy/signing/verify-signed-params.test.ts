import { describe, expect, it } from 'vitest';
import { verifySignedParams } from '../../../src/proxy/signing/verify-signed-params';
import { b64url, KEY_DEC, KEY_FORGED, KEY_NOV, secondsFrom, signParts, signToken, tamper } from './sign-token';

const NOW = new Date('2026-11-23T10:00:00.000Z');
const keys = new Map([['2026-11', KEY_NOV], ['2026-12', KEY_DEC]]);
const verify = (token: string, now = NOW) => verifySignedParams(token, { keys, now });
const PARAMS = { name: 'Mariner', email: 'mariner@example.com', staff_code: 'luke', site_code: 'leeds', reference: 'INV-2090', plan: 'gold' };
const valid = (extra: Record<string, unknown> = {}) => ({ ...PARAMS, exp: secondsFrom(NOW, 3600), ...extra });

describe('verifySignedParams()', () => {
  it('accepts a token signed under a known key id, giving the params without the time claims', () => {
    const token = signToken(valid({ iat: secondsFrom(NOW, -5), nbf: secondsFrom(NOW, -5) }));
    expect(verify(token)).toEqual({ ok: true, kid: '2026-11', claims: PARAMS });
  });

  it('accepts every key id the org holds at once, as during a rotation', () => {
    expect(verify(signToken(valid(), { kid: '2026-12', secret: KEY_DEC }))).toMatchObject({ ok: true, kid: '2026-12' });
  });

  it('refuses alg none, signed or not, naming the algorithm', () => {
    const header = { alg: 'none', typ: 'JWT', kid: '2026-11' };
    const unsigned = `${b64url(header)}.${b64url(valid())}.`;
    expect(verify(unsigned)).toEqual({ ok: false, problem: 'unsupported_alg', message: 'Signed survey params: algorithm "none" is not accepted; sign with HS256' });
    expect(verify(signToken(valid(), { header }))).toMatchObject({ ok: false, problem: 'unsupported_alg' });
  });

  it('refuses HS512 and RS256 even when the signature would match their claims', () => {
    expect(verify(signToken(valid(), { header: { alg: 'HS512', typ: 'JWT', kid: '2026-11' } }))).toMatchObject({ ok: false, problem: 'unsupported_alg' });
    expect(verify(signToken(valid(), { header: { alg: 'RS256', kid: '2026-11' } }))).toMatchObject({ ok: false, problem: 'unsupported_alg' });
  });

  it('refuses a header that names no key id', () => {
    expect(verify(signToken(valid(), { header: { alg: 'HS256', typ: 'JWT' } }))).toEqual({
      ok: false,
      problem: 'malformed',
      message: 'Signed survey params: the header names no key id (kid)',
    });
  });

  it('refuses a key id the org does not hold, naming it', () => {
    expect(verify(signToken(valid(), { kid: 'k1' }))).toEqual({ ok: false, problem: 'unknown_kid', message: 'Signed survey params: unknown key id "k1"' });
  });

  it('refuses a token signed with another secret under a known key id', () => {
    expect(verify(signToken(valid(), { secret: KEY_FORGED }))).toEqual({ ok: false, problem: 'bad_signature', message: 'Signed survey params: the signature does not match' });
  });

  it('refuses a token whose claims were edited after signing', () => {
    const token = tamper(signToken(valid()), (claims) => ({ ...claims, staff_code: 'han' }));
    expect(verify(token)).toMatchObject({ ok: false, problem: 'bad_signature' });
  });

  it('refuses a signature truncated, emptied or spelled with stray low bits', () => {
    const token = signToken(valid());
    const signature = token.split('.')[2]!;
    expect(verify(token.slice(0, -2))).toMatchObject({ problem: 'bad_signature' });
    expect(verify(token.slice(0, -signature.length))).toMatchObject({ problem: 'bad_signature' });
    // 32 bytes are 43 characters with 2 spare bits at the end: flipping one decodes to the same bytes.
    const last = signature.at(-1)!;
    const twin = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'[('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.indexOf(last) ^ 1)]!;
    expect(verify(token.slice(0, -1) + twin)).toMatchObject({ problem: 'bad_signature' });
  });

  it('refuses an expired token, saying when it expired', () => {
    const token = signToken(valid({ exp: secondsFrom(NOW, -61) }));
    expect(verify(token)).toEqual({ ok: false, problem: 'expired', message: 'Signed survey params expired at 2026-11-23T09:58:59.000Z' });
  });

  it('accepts a token expired less than the 60 s leeway ago', () => {
    expect(verify(signToken(valid({ exp: secondsFrom(NOW, -59) })))).toMatchObject({ ok: true });
  });

  it('refuses a token not valid yet beyond the leeway, and accepts one within it', () => {
    expect(verify(signToken(valid({ nbf: secondsFrom(NOW, 61) })))).toEqual({
      ok: false,
      problem: 'not_yet_valid',
      message: 'Signed survey params are not valid before 2026-11-23T10:01:01.000Z',
    });
    expect(verify(signToken(valid({ nbf: secondsFrom(NOW, 59) })))).toMatchObject({ ok: true });
  });

  it('refuses a token without exp, so no signed page works forever', () => {
    const { exp: _exp, ...noExp } = valid();
    expect(verify(signToken(noExp))).toMatchObject({ ok: false, problem: 'bad_claims', message: expect.stringContaining('exp is required') });
  });

  it('refuses a param that is not a string, and a time claim that is not a number', () => {
    expect(verify(signToken(valid({ staff_code: 42 })))).toEqual({
      ok: false,
      problem: 'bad_claims',
      message: 'Signed survey params: claim "staff_code" must be a string, as data-survey-params values are',
    });
    expect(verify(signToken(valid({ nested: { a: 'b' } })))).toMatchObject({ problem: 'bad_claims' });
    expect(verify(signToken(valid({ exp: '2030-01-01' })))).toMatchObject({ problem: 'bad_claims' });
  });

  it('refuses a token over 8 KiB before reading it', () => {
    const token = signToken(valid({ reference: 'x'.repeat(8192) }));
    expect(verify(token)).toEqual({ ok: false, problem: 'malformed', message: 'Signed survey params: longer than 8192 characters' });
  });

  it('refuses what is not three base64url parts, or whose parts are not JSON objects', () => {
    const token = signToken(valid());
    const [head, body] = token.split('.');
    expect(verify('not a token')).toMatchObject({ problem: 'malformed' });
    expect(verify(`${head}.${body}`)).toMatchObject({ problem: 'malformed' });
    expect(verify(token.replace('.', '+.'))).toMatchObject({ problem: 'malformed' });
    expect(verify(`${b64url('{"alg":')}.${body}.x`)).toMatchObject({ problem: 'malformed', message: 'Signed survey params: the header is not base64url-encoded JSON' });
    expect(verify(`${b64url(['HS256'])}.${body}.x`)).toMatchObject({ problem: 'malformed' });
    // Signed, so the claims are read: and they are not JSON.
    const signedJunk = signParts(b64url({ alg: 'HS256', typ: 'JWT', kid: '2026-11' }), b64url('not json'));
    expect(verify(signedJunk)).toEqual({ ok: false, problem: 'malformed', message: 'Signed survey params: the claims are not base64url-encoded JSON' });
  });

  it('refuses a header with critical extensions it cannot understand', () => {
    expect(verify(signToken(valid(), { header: { alg: 'HS256', kid: '2026-11', crit: ['exp'] } }))).toMatchObject({ problem: 'malformed' });
  });

  it('keeps a "__proto__" claim an ordinary key, never the prototype', () => {
    const token = signParts(b64url({ alg: 'HS256', kid: '2026-11' }), b64url(`{"__proto__":"x","exp":${secondsFrom(NOW, 60)}}`));
    const result = verify(token);
    expect(result.ok && Object.keys(result.claims)).toEqual(['__proto__']);
    expect(result.ok && Object.getPrototypeOf(result.claims)).toBe(Object.prototype);
  });
});
