import { createHash } from 'node:crypto';
import { ENCODINGS, type Encoding } from './choose-encoding';
import { compress, decompress } from './compress';

/** One coding of a file: the bytes sent and the strong ETag that names exactly them. */
export interface Representation {
  /** A copy the `Response` body can take as it is. */
  bytes: Uint8Array<ArrayBuffer>;
  etag: string;
}

/** A built widget file (the script or its stylesheet) as the proxy serves it. */
export interface WidgetFile {
  /** The stable name: `survey_widget.js`. */
  name: string;
  /** The content-addressed name, `survey_widget.<12 hex of sha256>.js`: it changes whenever a byte does. */
  hashedName: string;
  /** `Content-Type`, with the charset. */
  contentType: string;
  /** Hex sha256 of the plain bytes. */
  sha256: string;
  /** The Subresource Integrity value for a `<script integrity>`: `sha384-<base64>`. */
  integrity: string;
  /** The file in every coding it is served in. */
  encodings: Record<Encoding, Representation>;
}

/** Files the build compressed beside the plain one (`.br`, `.gz`), when they exist. */
export type Precompressed = Partial<Record<Exclude<Encoding, 'identity'>, Uint8Array>>;

const TYPES: Record<string, string> = { js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8' };
/** How many hex digits of the sha256 name a build: 48 bits, where a collision between two builds is out of reach. */
export const HASH_HEX_DIGITS = 12;

/**
 * Describes a widget file from its plain bytes and whatever the build
 * precompressed. A precompressed file is used only when it decodes to exactly
 * these bytes; a missing one, or one left from an earlier build (a
 * `vite build --watch` rebuild does not recompress), is compressed here once
 * instead, so stale bytes are never served. Comparing contents rather than
 * mtimes also survives a copy that reset them.
 */
export function widgetFile(name: string, bytes: Buffer, precompressed: Precompressed = {}): WidgetFile {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const extension = name.slice(name.lastIndexOf('.') + 1);
  const encodings = {} as Record<Encoding, Representation>;
  for (const encoding of ENCODINGS) {
    const stored = encoding === 'identity' ? undefined : precompressed[encoding];
    const fresh = stored && decompress(stored, encoding, bytes.length)?.equals(bytes) ? stored : undefined;
    const encoded = new Uint8Array(encoding === 'identity' ? bytes : (fresh ?? compress(bytes, encoding)));
    encodings[encoding] = { bytes: encoded, etag: etagOf(encoded, encoding) };
  }
  return {
    name,
    hashedName: `${name.slice(0, -extension.length - 1)}.${sha256.slice(0, HASH_HEX_DIGITS)}.${extension}`,
    contentType: TYPES[extension] ?? 'application/octet-stream',
    sha256,
    integrity: `sha384-${createHash('sha384').update(bytes).digest('base64')}`,
    encodings,
  };
}

/**
 * A strong ETag per representation (RFC 9110 §8.8.3): a strong tag promises
 * these exact bytes, so the gzip and brotli copies each need their own. It
 * hashes the bytes sent, so a `.br` made by another tool gets another tag.
 */
function etagOf(bytes: Uint8Array, encoding: Encoding): string {
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  return encoding === 'identity' ? `"${hash}"` : `"${hash}-${encoding}"`;
}
