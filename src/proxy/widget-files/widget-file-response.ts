import { chooseEncoding } from './choose-encoding';
import { etagMatches } from './etag-matches';
import type { WidgetFile } from './widget-file';

/**
 * The stable names (`/survey_widget.js`) are what merchants paste, so a new
 * build must reach their visitors within minutes; after that the ETag makes
 * the check a bodiless 304.
 */
export const STABLE_CACHE = 'public, max-age=300';
/** A content-addressed name never changes its bytes: a year, and no revalidation on reload. */
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';

/** What of the request the answer depends on. */
export interface FileRequest {
  acceptEncoding?: string | null;
  ifNoneMatch?: string | null;
}

/**
 * Answers for a widget file: the coding the client prefers (br, gzip or
 * plain), with its own strong ETag, and a bodiless 304 when `If-None-Match`
 * already names it. Under a stable name `Content-Location` points at the
 * content-addressed copy of the same bytes, which is how a merchant, or a
 * tool, finds the immutable URL of the current build.
 *
 * @example
 * widgetFileResponse(script, { acceptEncoding: 'gzip, br' }, 'stable') // 200, Content-Encoding: br
 */
export function widgetFileResponse(file: WidgetFile, request: FileRequest, naming: 'stable' | 'hashed'): Response {
  const encoding = chooseEncoding(request.acceptEncoding);
  const { bytes, etag } = file.encodings[encoding];
  // RFC 9110 §15.4.5: a 304 carries the validator and caching fields a 200 would.
  const headers: Record<string, string> = {
    'Cache-Control': naming === 'stable' ? STABLE_CACHE : IMMUTABLE_CACHE,
    ETag: etag,
    Vary: 'Accept-Encoding',
    // Any page may load the widget, with `crossorigin` and `integrity` or under COEP: the files are public.
    'Access-Control-Allow-Origin': '*',
    'Cross-Origin-Resource-Policy': 'cross-origin',
  };
  if (naming === 'stable') headers['Content-Location'] = `/${file.hashedName}`;
  if (etagMatches(request.ifNoneMatch, etag)) return new Response(null, { status: 304, headers });
  headers['Content-Type'] = file.contentType;
  headers['Content-Length'] = String(bytes.length);
  if (encoding !== 'identity') headers['Content-Encoding'] = encoding;
  return new Response(bytes, { status: 200, headers });
}
