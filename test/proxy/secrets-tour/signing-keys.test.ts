/**
 * The secrets tour, signing keys: keys for signed survey params are read by
 * the variable names `_org.json` gives; a missing, short or misplaced one is
 * reported by org, key id and variable, never by value; and no reply to a
 * response signed well, signed badly or not signed at all repeats a key.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../../src/proxy/config';
import { loadOrgSettings } from '../../../src/proxy/org-settings/org-settings';
import { CANARY_SECRETS } from '../../support/canary-secrets';
import { FIXED_NOW, postResponse, tempDir, testApp, validPayload } from '../fixtures';
import { KEY_FORGED, secondsFrom, signToken } from '../signing/sign-token';
import { leakWatch, type LeakWatch } from './leak-watch';

const KEY = CANARY_SECRETS.signingKey;
const SHORT = CANARY_SECRETS.signingKeyShort;
const TOKEN = CANARY_SECRETS.apiToken;

/**
 * Org settings loaded as the proxy loads them at start: acme requires signed
 * params under three key ids (one good, one short, one unset); beta pasted its
 * key where the variable's name goes. The secrets come from the environment
 * through readConfig, the one place that reads it.
 */
function orgSettingsAtStart(watch: LeakWatch) {
  const dir = tempDir();
  for (const org of ['acme', 'beta']) mkdirSync(join(dir, org));
  writeFileSync(join(dir, 'acme', '_org.json'), JSON.stringify({ signed_params: { required: true, keys: { '2026-11': 'ACME_SIGNING_KEY', short: 'ACME_SHORT_KEY', gone: 'ACME_GONE_KEY' } } }));
  writeFileSync(join(dir, 'beta', '_org.json'), JSON.stringify({ signed_params: { keys: { '2026-11': KEY } } }));
  const { secrets } = readConfig({ ACME_SIGNING_KEY: KEY, ACME_SHORT_KEY: SHORT });
  return loadOrgSettings(dir, watch.log, secrets);
}

describe('the secrets tour: signing keys', () => {
  it('a short, unset or misplaced key is reported at start-up by org, key id and variable, never by its value', () => {
    const watch = leakWatch();
    const settings = orgSettingsAtStart(watch);
    expect([...settings.signing('acme').keys.keys()]).toEqual(['2026-11']);
    expect(settings.signing('beta').keys.size).toBe(0);
    expect(watch.logLines()).toEqual([
      '[survey-proxy] acme signing key "short" is unusable: ACME_SHORT_KEY is shorter than 32 bytes',
      '[survey-proxy] acme signing key "gone" is unusable: ACME_GONE_KEY is not set',
      expect.stringMatching(/beta\/_org\.json: signed_params\.keys\.2026-11: an environment variable name/),
    ]);
    expect(watch.leaks()).toEqual([]);
  });

  it('no reply to a response signed with the key, signed badly, or not signed at all repeats a key', async () => {
    const watch = leakWatch();
    const { app } = await testApp({ orgSettings: orgSettingsAtStart(watch), log: watch.log, tokenLookup: async (t) => (t === TOKEN ? 'acme' : undefined) });
    const exp = secondsFrom(FIXED_NOW, 600);
    const post = (signed_params?: string) => watch.read(postResponse(app, validPayload({ id: randomUUID(), ...(signed_params !== undefined && { signed_params }) })));
    const signed = await post(signToken({ staff_code: 'leia', exp }, { kid: '2026-11', secret: KEY }));
    expect(signed.status).toBe(201);
    const refusals: [string, string | undefined, RegExp][] = [
      ['signed with another key', signToken({ staff_code: 'leia', exp }, { kid: '2026-11', secret: KEY_FORGED }), /signature does not match/],
      ['signed with the short key', signToken({ staff_code: 'leia', exp }, { kid: 'short', secret: SHORT }), /unknown key id "short"/],
      ['expired', signToken({ staff_code: 'leia', exp: secondsFrom(FIXED_NOW, -3600) }, { kid: '2026-11', secret: KEY }), /expired|exp/],
      ['the key itself pasted as the token', KEY, /not a compact JWS/],
      ['missing', undefined, /Signed survey params required/],
    ];
    for (const [what, token, message] of refusals) {
      const refused = await post(token);
      expect({ what, status: refused.status }).toEqual({ what, status: 422 });
      expect(refused.json().message).toMatch(message);
    }
    const stored = await watch.read(
      app.request('/api/feedback_responses', { headers: { Accept: 'application/vnd.customersure.v1+json', 'User-Agent': 'Acme Ltd', Authorization: `Token token="${TOKEN}"` } }),
    );
    expect(stored.json()).toEqual([expect.objectContaining({ verified: true })]);
    expect(watch.leaks()).toEqual([]);
  });
});
