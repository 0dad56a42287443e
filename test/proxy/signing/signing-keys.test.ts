import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOrgSettings } from '../../../src/proxy/org-settings/org-settings';
import { signingKeys } from '../../../src/proxy/signing/signing-keys';
import { tempDir } from '../fixtures';
import { KEY_DEC, KEY_NOV } from './sign-token';

const env: Record<string, string> = { ACME_KEY_NOV: KEY_NOV, ACME_KEY_DEC: KEY_DEC, ACME_KEY_SHORT: 'only-twenty-bytes-ok' };
const secrets = (name: string) => env[name];

describe('signing keys', () => {
  it('reads each key id’s secret from the variable the settings name', () => {
    const logged: string[] = [];
    const settings = signingKeys('acme', { required: true, keys: { '2026-11': 'ACME_KEY_NOV', '2026-12': 'ACME_KEY_DEC' } }, secrets, (m) => logged.push(m));
    expect(settings.required).toBe(true);
    expect([...settings.keys]).toEqual([['2026-11', KEY_NOV], ['2026-12', KEY_DEC]]);
    expect(logged).toEqual([]);
  });

  it('leaves out a key whose variable is unset or under 32 bytes, naming org, key id and variable but never the value', () => {
    const logged: string[] = [];
    const settings = signingKeys('acme', { required: false, keys: { a: 'ACME_KEY_UNSET', b: 'ACME_KEY_SHORT', c: 'ACME_KEY_NOV' } }, secrets, (m) => logged.push(m));
    expect([...settings.keys.keys()]).toEqual(['c']);
    expect(logged).toEqual([
      '[survey-proxy] acme signing key "a" is unusable: ACME_KEY_UNSET is not set',
      '[survey-proxy] acme signing key "b" is unusable: ACME_KEY_SHORT is shorter than 32 bytes',
    ]);
    expect(logged.join('\n')).not.toContain(env.ACME_KEY_SHORT);
  });

  it('warns when an org requires signing but holds no usable key, since it will refuse every response', () => {
    const logged: string[] = [];
    signingKeys('acme', { required: true, keys: { a: 'ACME_KEY_UNSET' } }, secrets, (m) => logged.push(m));
    expect(logged.at(-1)).toBe('[survey-proxy] acme requires signed survey params but has no usable signing key: every response will be refused');
  });

  it('are loaded from _org.json with the other org settings; an org without them requires nothing and holds no key', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'acme'));
    mkdirSync(join(dir, 'beta'));
    writeFileSync(join(dir, 'acme', '_org.json'), JSON.stringify({ signed_params: { required: true, keys: { '2026-11': 'ACME_KEY_NOV' } } }));
    const settings = loadOrgSettings(dir, () => {}, secrets);
    expect(settings.signing('acme')).toEqual({ required: true, keys: new Map([['2026-11', KEY_NOV]]) });
    expect(settings.signing('beta')).toEqual({ required: false, keys: new Map() });
    expect(settings.signing('nobody')).toEqual({ required: false, keys: new Map() });
  });

  it('refuse a settings file that puts a secret where a variable name goes, without repeating it', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'acme'));
    writeFileSync(join(dir, 'acme', '_org.json'), JSON.stringify({ signed_params: { keys: { '2026-11': KEY_NOV } } }));
    const logged: string[] = [];
    const settings = loadOrgSettings(dir, (m) => logged.push(m), secrets);
    expect(settings.signing('acme').keys.size).toBe(0);
    expect(logged).toEqual([expect.stringContaining('signed_params.keys.2026-11: an environment variable name such as ACME_SIGNING_KEY_2026_11')]);
    expect(logged.join('\n')).not.toContain(KEY_NOV);
  });
});
