import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import postPurchase from '../../demo/surveys/acme/post-purchase.json';
import supportCsat from '../../demo/surveys/acme/support-csat.json';
import { loadOrgSettings } from '../../src/proxy/org-settings/org-settings';
import type { Store } from '../../src/proxy/store/open-store';
import { createSurveyCatalog } from '../../src/proxy/survey-catalog';
import { demoSurvey, FIXED_NOW, postResponse, tempDir, testApp, validCsatPayload, validPayload } from './fixtures';
import { KEY_DEC, KEY_FORGED, KEY_NOV, secondsFrom, signToken, tamper } from './signing/sign-token';
import { closeStoresAfterEach, openTestStore } from './test-store';

/**
 * Signed survey params through the real app: acme holds key ids 2026-11 and
 * 2026-12 and requires signing on one survey (`signed-only`); beta requires
 * it for the whole org; gamma has rotated 2026-11 out. Every reply and log
 * line is kept, to show no secret ever leaves.
 */
const env: Record<string, string> = { ACME_KEY_NOV: KEY_NOV, ACME_KEY_DEC: KEY_DEC, BETA_KEY: 'beta-secret-0123456789abcdefghijklmnop' };
const orgFiles: Record<string, unknown> = {
  acme: { signed_params: { keys: { '2026-11': 'ACME_KEY_NOV', '2026-12': 'ACME_KEY_DEC' } } },
  // beta names acme's key id, with a secret of its own: a token verifies only under the org it is posted to.
  beta: { signed_params: { required: true, keys: { '2026-11': 'BETA_KEY' } } },
  gamma: { signed_params: { required: true, keys: { '2026-12': 'ACME_KEY_DEC' } } },
};
const ACME_TOKEN = 'acme-api-token-1';
/** Every reply body and log line of this file's apps. */
const seen: string[] = [];
const logs: string[][] = [];
const track = closeStoresAfterEach();

async function signingApp(): Promise<{ app: Hono; store: Store }> {
  const dir = tempDir();
  for (const [org, file] of Object.entries(orgFiles)) {
    mkdirSync(join(dir, org));
    writeFileSync(join(dir, org, '_org.json'), JSON.stringify(file));
  }
  const orgSettings = loadOrgSettings(dir, (m) => seen.push(m), (name) => env[name]);
  const survey = (json: unknown) => demoSurvey(json);
  const catalog = createSurveyCatalog([
    { org: 'acme', code: 'post-purchase', survey: survey(postPurchase) },
    { org: 'acme', code: 'signed-only', survey: survey({ ...postPurchase, id: 9001, require_signed_params: true }) },
    { org: 'beta', code: 'support-csat', survey: survey(supportCsat) },
    { org: 'gamma', code: 'post-purchase', survey: survey(postPurchase) },
  ]);
  const { app, store, logged } = await testApp({ store: await track(openTestStore()), catalog, orgSettings, tokenLookup: async (t) => (t === ACME_TOKEN ? 'acme' : undefined) });
  logs.push(logged);
  return { app, store };
}

const exp = (offset = 3600) => secondsFrom(FIXED_NOW, offset);
const SIGNED = { name: 'Mariner', email: 'mariner@example.com', staff_code: 'luke', site_code: 'leeds', reference: 'INV-2090' };

/** Posts a response carrying `signed_params` (none when undefined); returns status and body, keeping the text. */
async function post(app: Hono, token: string | undefined, overrides: Record<string, unknown> = {}) {
  const body = validPayload({ id: randomUUID(), ...(token === undefined ? {} : { signed_params: token }), ...overrides });
  const res = await postResponse(app, body);
  const text = await res.text();
  seen.push(text);
  return { status: res.status, body: JSON.parse(text) as Record<string, any> };
}

const refusal = (message: string, error: string, problem: string) => ({
  message,
  errors: [{ resource: '/v1/responses', field: 'signed_params', error, extra_info: { message, problem } }],
});

describe('signed survey params, on a survey that requires them', () => {
  const signedOnly = { survey: 'signed-only' };

  it('refuses a response without a token, saying signing is required, and stores nothing', async () => {
    const { app, store } = await signingApp();
    const reply = await post(app, undefined, signedOnly);
    expect(reply.status).toBe(422);
    const message = 'Signed survey params required: this survey only accepts params signed by your server (data-survey-params-jwt)';
    expect(reply.body).toEqual({ message, errors: [{ resource: '/v1/responses', field: 'signed_params', error: 'required', extra_info: { message, problem: 'required' } }] });
    expect(await store.responses.count()).toBe(0);
  });

  it('refuses an expired token, saying when it expired', async () => {
    const { app } = await signingApp();
    const reply = await post(app, signToken({ ...SIGNED, exp: exp(-3600) }), signedOnly);
    expect(reply).toEqual({ status: 422, body: refusal('Signed survey params expired at 2025-06-01T11:00:00.000Z', 'invalid_date', 'expired') });
  });

  it('refuses a token signed with a key the org does not hold', async () => {
    const { app } = await signingApp();
    const reply = await post(app, signToken({ ...SIGNED, exp: exp() }, { secret: KEY_FORGED }), signedOnly);
    expect(reply).toEqual({ status: 422, body: refusal('Signed survey params: the signature does not match', 'invalid_value', 'bad_signature') });
  });

  it('refuses a token whose staff code was edited in the page', async () => {
    const { app } = await signingApp();
    const token = tamper(signToken({ ...SIGNED, exp: exp() }), (claims) => ({ ...claims, staff_code: 'han' }));
    expect((await post(app, token, signedOnly)).body.message).toBe('Signed survey params: the signature does not match');
  });

  it('stores a valid token’s values, verified, whatever the page posted under the same keys and wherever it put them', async () => {
    const { app, store } = await signingApp();
    const token = signToken({ ...SIGNED, exp: exp() });
    const reply = await post(app, token, {
      ...signedOnly,
      // A visitor who edited the page: other name and staff code, the staff code moved to customer,
      // and a segment question answered for another site. The postcode is theirs alone.
      customer: { name: 'Someone else', staff_code: 'han', postcode: 'LS1 4AP' },
      segments: {},
      metadata: { reference: 'INV-0001' },
      answers: [{ question_id: 1, answer: 10 }, { question_id: 3, answer: 'online' }],
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      verified: true,
      customer: { name: 'Mariner', email: 'mariner@example.com', postcode: 'LS1 4AP' },
      segments: { staff_code: 'luke', site_code: 'leeds' },
      metadata: { reference: 'INV-2090' },
      reference: 'INV-2090',
    });
    const stored = await store.responses.get(reply.body.id as string);
    expect(stored).toEqual(reply.body);
    // The token is a credential for the page view, not part of the response.
    expect(JSON.stringify(stored)).not.toContain(token.split('.')[2]);
  });

  it('refuses, after a rotation, a token under the key id taken out, and stores one under the new id verified', async () => {
    const { app } = await signingApp();
    const gamma = { org: 'gamma', survey: 'post-purchase' };
    const old = await post(app, signToken({ ...SIGNED, exp: exp() }, { kid: '2026-11', secret: KEY_NOV }), gamma);
    expect(old).toEqual({ status: 422, body: refusal('Signed survey params: unknown key id "2026-11"', 'invalid_value', 'unknown_kid') });
    const fresh = await post(app, signToken({ ...SIGNED, exp: exp() }, { kid: '2026-12', secret: KEY_DEC }), gamma);
    expect(fresh.status).toBe(201);
    expect(fresh.body.verified).toBe(true);
  });
});

describe('signed survey params, on a survey that does not require them', () => {
  it('stores a response without a token, unverified, as the seed’s snippet always posted it', async () => {
    const { app } = await signingApp();
    const reply = await post(app, undefined);
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ verified: false, customer: { name: 'Mariner' } });
  });

  it('stores a response with a valid token verified, under either key id of a rotation', async () => {
    const { app } = await signingApp();
    for (const [kid, secret] of [['2026-11', KEY_NOV], ['2026-12', KEY_DEC]] as const) {
      const reply = await post(app, signToken({ ...SIGNED, exp: exp() }, { kid, secret }));
      expect(reply.status).toBe(201);
      expect(reply.body).toMatchObject({ verified: true, segments: { staff_code: 'luke', site_code: 'leeds' } });
    }
  });

  it('stores a response with a tampered or expired token unverified, from what was posted, the claims ignored', async () => {
    const { app } = await signingApp();
    const tampered = tamper(signToken({ ...SIGNED, exp: exp() }), (claims) => ({ ...claims, staff_code: 'han' }));
    for (const token of [tampered, signToken({ ...SIGNED, exp: exp(-3600) })]) {
      const reply = await post(app, token, { segments: { staff_code: 'chewie' } });
      expect(reply.status).toBe(201);
      expect(reply.body).toMatchObject({ verified: false, segments: { staff_code: 'chewie' } });
    }
  });

  it('stores a token with a param CustomerSure cannot hold unverified, not refusing the visitor', async () => {
    const { app } = await signingApp();
    const reply = await post(app, signToken({ ...SIGNED, reference: 'x'.repeat(101), exp: exp() }));
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ verified: false, reference: 'INV-2090' });
  });

  it('answers a retry whose token expired meanwhile with the stored, verified copy', async () => {
    const { app, store } = await signingApp();
    const id = randomUUID();
    const token = signToken({ ...SIGNED, exp: exp(30) });
    const same = { id, customer: SIGNED_CUSTOMER, segments: SIGNED_SEGMENTS, metadata: { reference: 'INV-2090' } };
    const first = await post(app, token, same);
    expect(first.status).toBe(201);
    // The outbox sends the same body again later; by then its token has expired.
    const retry = await post(app, signToken({ ...SIGNED, exp: exp(-3600) }), same);
    expect(retry).toEqual({ status: 200, body: first.body });
    expect(await store.responses.count()).toBe(1);
  });
});

const SIGNED_CUSTOMER = { name: SIGNED.name, email: SIGNED.email };
const SIGNED_SEGMENTS = { staff_code: SIGNED.staff_code, site_code: SIGNED.site_code };

describe('signed survey params, required by the org', () => {
  it('refuses an unsigned response to any of its surveys, and stores a signed one verified', async () => {
    const { app } = await signingApp();
    const beta = (extra: Record<string, unknown> = {}) => validCsatPayload({ id: randomUUID(), org: 'beta', ...extra });
    const unsigned = await postResponse(app, beta());
    expect(unsigned.status).toBe(422);
    expect((await unsigned.json()).errors[0]).toMatchObject({ field: 'signed_params', error: 'required' });
    const token = signToken({ email: 'ops@example.com', exp: exp() }, { secret: env.BETA_KEY });
    const signed = await postResponse(app, beta({ signed_params: token }));
    expect(signed.status).toBe(201);
    expect(await signed.json()).toMatchObject({ verified: true, customer: { email: 'ops@example.com' } });
  });

  it('verifies a token only with the keys of the org it is posted to', async () => {
    const { app } = await signingApp();
    // acme's key under acme's key id, posted to beta, which holds the same key id with its own secret.
    const res = await postResponse(app, validCsatPayload({ id: randomUUID(), org: 'beta', signed_params: signToken({ email: 'ops@example.com', exp: exp() }) }));
    expect(res.status).toBe(422);
    expect((await res.json()).message).toBe('Signed survey params: the signature does not match');
  });
});

describe('GET /api/feedback_responses and verified', () => {
  it('shows each response’s verified flag and filters on it', async () => {
    const { app } = await signingApp();
    await post(app, undefined);
    await post(app, signToken({ ...SIGNED, exp: exp() }));
    const list = async (query = '') => {
      const res = await app.request(`/api/feedback_responses${query}`, {
        headers: { Accept: 'application/vnd.customersure.v1+json', 'User-Agent': 'test', Authorization: `Token token="${ACME_TOKEN}"` },
      });
      const text = await res.text();
      seen.push(text);
      return { status: res.status, body: JSON.parse(text) };
    };
    expect((await list()).body.map((r: { verified: boolean }) => r.verified)).toEqual([true, false]);
    expect((await list('?verified=true')).body).toEqual([expect.objectContaining({ verified: true, fields: expect.objectContaining({ staff_code: 'luke' }) })]);
    expect((await list('?verified=false')).body).toEqual([expect.objectContaining({ verified: false })]);
    const bad = await list('?verified=yes');
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0]).toMatchObject({ field: 'verified', error: 'invalid_value' });
  });
});

describe('signing keys', () => {
  it('never appear in a reply or a log line of any test above', () => {
    seen.push(...logs.flat());
    expect(seen.length).toBeGreaterThan(15);
    for (const secret of [...Object.values(env), KEY_FORGED]) expect(seen.filter((line) => line.includes(secret))).toEqual([]);
  });
});
