import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compress } from '../../../src/proxy/widget-files/compress';
import { createWidgetFileReader } from '../../../src/proxy/widget-files/widget-file-reader';
import { testApp, tempDir } from '../fixtures';
import { SCRIPT, STYLES } from './built-widget';

const COMPRESS_SCRIPT = fileURLToPath(new URL('../../../scripts/compress-widget.mjs', import.meta.url));

/** A dist/ as vite and esbuild leave it, with a copy from an earlier build, then the build's compress step run on it. */
function buildInto(): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'survey_widget.js'), SCRIPT);
  writeFileSync(join(dir, 'survey_widget.css'), STYLES);
  writeFileSync(join(dir, 'survey_widget.aaaaaaaaaaaa.js'), 'an earlier build');
  execFileSync(process.execPath, [COMPRESS_SCRIPT, dir], { stdio: 'pipe' });
  return dir;
}

describe('scripts/compress-widget.mjs', () => {
  it('writes the .br and .gz the proxy would make itself, byte for byte', () => {
    const dir = buildInto();
    for (const [name, text] of [['survey_widget.js', SCRIPT], ['survey_widget.css', STYLES]] as const) {
      expect(readFileSync(join(dir, `${name}.br`)).equals(compress(Buffer.from(text), 'br'))).toBe(true);
      expect(readFileSync(join(dir, `${name}.gz`)).equals(compress(Buffer.from(text), 'gzip'))).toBe(true);
    }
  });

  it('writes the manifest the proxy serves at /survey_widget.json, and the hashed copies it names', async () => {
    const dir = buildInto();
    const written = JSON.parse(readFileSync(join(dir, 'widget-manifest.json'), 'utf8')) as Record<string, { file: string }>;
    const { app } = await testApp({
      readWidgetScript: createWidgetFileReader(join(dir, 'survey_widget.js')),
      readWidgetStyles: createWidgetFileReader(join(dir, 'survey_widget.css')),
    });
    expect(await (await app.request('/survey_widget.json')).json()).toEqual(written);
    expect(readFileSync(join(dir, written['survey_widget.js']!.file), 'utf8')).toBe(SCRIPT);
    expect(readFileSync(join(dir, written['survey_widget.css']!.file), 'utf8')).toBe(STYLES);
  });

  it('removes the hashed copies of earlier builds, so dist/ holds one', () => {
    expect(existsSync(join(buildInto(), 'survey_widget.aaaaaaaaaaaa.js'))).toBe(false);
  });
});
