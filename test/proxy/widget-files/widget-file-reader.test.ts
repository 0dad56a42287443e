import { createHash } from 'node:crypto';
import { rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createWidgetFileReader } from '../../../src/proxy/widget-files/widget-file-reader';
import { tempDir } from '../fixtures';
import { builtWidget, SCRIPT } from './built-widget';

const text = (bytes: Uint8Array | undefined) => (bytes ? Buffer.from(bytes).toString() : undefined);
/** Moves the mtime on, as a rebuild does, without waiting for the clock. */
const touchLater = (path: string) => utimesSync(path, new Date(), new Date(Date.now() + 5000));

describe('createWidgetFileReader()', () => {
  it('reads nothing until the script is built, then serves it', () => {
    const path = join(tempDir(), 'survey_widget.js');
    const read = createWidgetFileReader(path);
    expect(read()).toBeUndefined();
    writeFileSync(path, 'v1');
    expect(text(read()?.encodings.identity.bytes)).toBe('v1');
  });

  it('serves a rebuild without a restart, under a new content-addressed name', () => {
    const path = join(tempDir(), 'survey_widget.js');
    writeFileSync(path, 'v1');
    const read = createWidgetFileReader(path);
    const first = read()?.hashedName;
    writeFileSync(path, 'v2');
    touchLater(path);
    expect(text(read()?.encodings.identity.bytes)).toBe('v2');
    expect(read()?.hashedName).not.toBe(first);
  });

  it('stops serving a script that was deleted', () => {
    const path = join(tempDir(), 'survey_widget.js');
    writeFileSync(path, 'v1');
    const read = createWidgetFileReader(path);
    read();
    rmSync(path);
    expect(read()).toBeUndefined();
  });

  it('names the file by the first 12 hex digits of its sha256 and gives its SRI hash', () => {
    const { script } = builtWidget();
    const file = createWidgetFileReader(script)();
    const sha256 = createHash('sha256').update(SCRIPT).digest('hex');
    expect(file?.hashedName).toBe(`survey_widget.${sha256.slice(0, 12)}.js`);
    expect(file?.integrity).toBe(`sha384-${createHash('sha384').update(SCRIPT).digest('base64')}`);
    expect(file?.contentType).toBe('text/javascript; charset=utf-8');
  });

  it('serves the build’s own .br and .gz when they hold these bytes', () => {
    const { script } = builtWidget();
    // Made with other settings than the proxy's, so only reading the files can give these bytes.
    const br = brotliCompressSync(SCRIPT, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } });
    const gz = gzipSync(SCRIPT, { level: 1 });
    writeFileSync(`${script}.br`, br);
    writeFileSync(`${script}.gz`, gz);
    const file = createWidgetFileReader(script)();
    expect(Buffer.from(file!.encodings.br.bytes).equals(br)).toBe(true);
    expect(Buffer.from(file!.encodings.gzip.bytes).equals(gz)).toBe(true);
  });

  it('compresses a rebuild itself when the .br and .gz are left from the build before', () => {
    const { script } = builtWidget();
    const read = createWidgetFileReader(script);
    read();
    // `vite build --watch` rewrites the script only.
    writeFileSync(script, 'window.rebuilt = true;');
    touchLater(script);
    const file = read()!;
    expect(brotliDecompressSync(file.encodings.br.bytes).toString()).toBe('window.rebuilt = true;');
    expect(gunzipSync(file.encodings.gzip.bytes).toString()).toBe('window.rebuilt = true;');
  });

  it('compresses the file itself when the .br and .gz are missing or damaged', () => {
    const { script } = builtWidget();
    rmSync(`${script}.gz`);
    writeFileSync(`${script}.br`, 'not brotli at all');
    const file = createWidgetFileReader(script)()!;
    expect(brotliDecompressSync(file.encodings.br.bytes).toString()).toBe(SCRIPT);
    expect(gunzipSync(file.encodings.gzip.bytes).toString()).toBe(SCRIPT);
  });

  it('gives each coding its own strong ETag', () => {
    const { script } = builtWidget();
    const { encodings } = createWidgetFileReader(script)()!;
    const etags = [encodings.identity.etag, encodings.br.etag, encodings.gzip.etag];
    expect(new Set(etags).size).toBe(3);
    for (const etag of etags) expect(etag).toMatch(/^"[0-9a-f]{16}(-br|-gzip)?"$/);
  });
});
