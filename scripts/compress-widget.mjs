// Precompresses the built widget for the proxy (and any static host): writes beside
// dist/survey_widget.js and .css their .gz (gzip -9) and .br (brotli 11), a content-addressed
// copy (survey_widget.<12 hex of sha256>.js), and dist/widget-manifest.json naming the copies
// with their SRI hashes and sizes. Runs in `npm run build` after the stylesheet is built.
//
// The proxy compresses a file itself when these are missing or older than it
// (src/proxy/widget-files/compress.ts): the settings below must stay the same as its own, so
// both give identical bytes; test/proxy/widget-files/compress-widget-script.test.ts holds them to it.
//
// Usage: node scripts/compress-widget.mjs [dist dir]
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const FILES = ['survey_widget.js', 'survey_widget.css'];
const HASH_HEX_DIGITS = 12;
const HASHED = /^survey_widget\.[0-9a-f]+\.(js|css)$/;

const dir = resolve(process.argv[2] ?? fileURLToPath(new URL('../dist', import.meta.url)));

/** Written under a temporary name, then renamed: a proxy or static host never reads half a file. */
function writeAtomically(path, bytes) {
  writeFileSync(`${path}.tmp`, bytes);
  renameSync(`${path}.tmp`, path);
}

const manifest = {};
const hashedNames = new Set();
for (const name of FILES) {
  const bytes = readFileSync(join(dir, name));
  const gzip = gzipSync(bytes, { level: 9 });
  const br = brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    },
  });
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const dot = name.lastIndexOf('.');
  const hashedName = `${name.slice(0, dot)}.${sha256.slice(0, HASH_HEX_DIGITS)}${name.slice(dot)}`;
  writeAtomically(join(dir, `${name}.gz`), gzip);
  writeAtomically(join(dir, `${name}.br`), br);
  writeAtomically(join(dir, hashedName), bytes);
  hashedNames.add(hashedName);
  const integrity = `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
  manifest[name] = { file: hashedName, sha256, integrity, bytes: bytes.length, gzip: gzip.length, br: br.length };
  console.log(`dist/${hashedName}: ${bytes.length} bytes, ${gzip.length} gzip, ${br.length} brotli`);
}
// vite does not empty dist/ for the script build: copies from earlier builds would pile up there.
for (const entry of readdirSync(dir)) {
  if (HASHED.test(entry) && !hashedNames.has(entry)) rmSync(join(dir, entry));
}
writeAtomically(join(dir, 'widget-manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
