import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, gzipSync } from 'node:zlib';
import type { Encoding } from './choose-encoding';

/**
 * The bytes of a file in one coding. The settings are the build's
 * (scripts/compress-widget.mjs): the same input gives the same bytes on
 * either side, so an instance that compressed on the fly serves what the
 * build would have, under the same ETag. Brotli at quality 11 takes some
 * 70 ms for the script, once per build.
 */
export function compress(bytes: Uint8Array, encoding: Encoding): Buffer {
  if (encoding === 'gzip') return gzipSync(bytes, { level: 9 });
  if (encoding === 'br') {
    return brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      },
    });
  }
  return Buffer.from(bytes);
}

/**
 * Decodes `encoded`, or undefined when it is not valid in that coding or
 * would decode to more than `limit` bytes: a truncated or foreign file costs
 * no more than a failed check.
 */
export function decompress(encoded: Uint8Array, encoding: Encoding, limit: number): Buffer | undefined {
  try {
    if (encoding === 'gzip') return gunzipSync(encoded, { maxOutputLength: Math.max(1, limit) });
    if (encoding === 'br') return brotliDecompressSync(encoded, { maxOutputLength: Math.max(1, limit) });
    return encoded.length <= limit ? Buffer.from(encoded) : undefined;
  } catch {
    return undefined;
  }
}
