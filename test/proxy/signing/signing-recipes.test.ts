import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { verifySignedParams } from '../../../src/proxy/signing/verify-signed-params';
import { tempDir } from '../fixtures';
import { KEY_NOV } from './sign-token';

/**
 * The README's signing recipes, run exactly as printed there: a recipe a
 * merchant copies must make tokens the proxy accepts.
 */
const README = readFileSync(join(import.meta.dirname, '../../../README.md'), 'utf8');
const section = README.slice(README.indexOf('### Signed survey params'), README.indexOf('### Inline surveys'));
const recipe = (language: string) => {
  const code = new RegExp('```' + language + '\\n([\\s\\S]*?)```').exec(section)?.[1];
  if (!code) throw new Error(`no ${language} recipe in the README's "Signed survey params" section`);
  return code;
};

const PARAMS = { name: 'Mariner', email: 'mariner@example.com', staff_code: 'luke', reference: 'INV-2090', note: 'Zoë / «Ünïcode»' };
const keys = new Map([['2026-11', KEY_NOV]]);
const hasPython = (() => {
  try {
    execFileSync('python3', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('the README’s signing recipes', () => {
  it('Node: makes a token the proxy verifies, valid for the hour asked for and no longer', async () => {
    const file = join(tempDir(), 'recipe.mjs');
    writeFileSync(file, `${recipe('js')}\nexport { signSurveyParams };\n`);
    const { signSurveyParams } = (await import(pathToFileURL(file).href)) as { signSurveyParams: (p: object, kid: string, secret: string, ttl?: number) => string };
    const token = signSurveyParams(PARAMS, '2026-11', KEY_NOV);
    expect(verifySignedParams(token, { keys, now: new Date() })).toEqual({ ok: true, kid: '2026-11', claims: PARAMS });
    expect(verifySignedParams(token, { keys, now: new Date(Date.now() + 3_700_000) })).toMatchObject({ ok: false, problem: 'expired' });
  });

  it.skipIf(!hasPython)('Python: makes a token the proxy verifies', () => {
    const call = `\nprint(sign_survey_params(${JSON.stringify(PARAMS)}, "2026-11", ${JSON.stringify(KEY_NOV)}))\n`;
    const token = execFileSync('python3', ['-c', recipe('python') + call], { encoding: 'utf8' }).trim();
    expect(verifySignedParams(token, { keys, now: new Date() })).toEqual({ ok: true, kid: '2026-11', claims: PARAMS });
  });

  it('PHP: is printed (no php on the test machines: checked by reading, not run)', () => {
    expect(recipe('php')).toContain("hash_hmac('sha256', $unsigned, $secret, true)");
  });
});
