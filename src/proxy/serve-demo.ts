import { readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { Handler } from 'hono';
import { errorResponse } from './json-response';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** Serves the demo pages from `demoDir` (`/` is `index.html`); anything else is a 404. */
export function serveDemo(demoDir: string): Handler {
  const root = resolve(demoDir);
  return async (c) => {
    const file = demoFilePath(root, new URL(c.req.url).pathname);
    if (file === undefined) return errorResponse(404, 'Not found');
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      // Missing, a directory, unreadable: all just "not here" to a visitor.
      return errorResponse(404, 'Not found');
    }
    const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
    return new Response(new Uint8Array(body), { headers: { 'Content-Type': type, 'Cache-Control': 'no-cache' } });
  };
}

/**
 * The file under `root` a URL path names, or undefined when it would leave
 * `root` or reach a hidden file. Decodes first, so `%2e%2e%2f` is caught as
 * the `../` it means; the final prefix check guards against anything missed.
 */
export function demoFilePath(root: string, pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.endsWith('/')) decoded += 'index.html';
  if (decoded.includes('\\') || decoded.includes('\0')) return undefined;
  const segments = decoded.split('/').slice(1);
  if (segments.some((s) => s === '' || s.startsWith('.'))) return undefined;
  const file = join(root, ...segments);
  return file.startsWith(root + sep) ? file : undefined;
}
