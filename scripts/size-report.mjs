// Prints the size of the built widget script (raw, gzip -9, brotli) and fails
// when the gzip size passes the budget. Run after every build and in `npm test`.
import { readFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const BUDGET = 10 * 1024;
const file = new URL('../dist/survey_widget.js', import.meta.url);
const bytes = readFileSync(file);
const gzip = gzipSync(bytes, { level: 9 }).length;
const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kb = (n) => `${(n / 1024).toFixed(2)} KB`;
console.log(`dist/survey_widget.js: ${kb(bytes.length)} raw, ${kb(gzip)} gzip (${gzip} bytes), ${kb(brotli)} brotli; budget ${kb(BUDGET)} gzip`);
if (gzip > BUDGET) {
  console.error(`size budget exceeded by ${gzip - BUDGET} bytes gzip`);
  process.exit(1);
}
