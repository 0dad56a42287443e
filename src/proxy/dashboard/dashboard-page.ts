import { readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { Hono } from 'hono';
import { errorResponse } from '../json-response';

/**
 * The dashboard's page and only its own scripts and styles: nothing inline
 * runs, nothing frames it, no Referer leaves it (its URLs carry filters).
 */
export const DASHBOARD_PAGE_HEADERS = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'same-origin',
};

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
};

/**
 * `/dashboard` (the page) and `/dashboard/assets/*` (Vite's content-hashed
 * files, cached for a year since a new build has new names) from `dir`, read
 * from disk per request so a rebuild is served without a restart. Before the
 * dashboard is built, the page says how to build it.
 */
export function dashboardPage(dir: string | undefined): Hono {
  const app = new Hono();
  const page = () => {
    const html = dir ? readIfFile(join(dir, 'index.html')) : undefined;
    if (html === undefined) return errorResponse(404, 'The dashboard is not built yet: run `npm run build`');
    return new Response(html, { headers: { ...DASHBOARD_PAGE_HEADERS, 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' } });
  };
  app.get('/dashboard', page);
  app.get('/dashboard/', page);
  app.get('/dashboard/assets/:file{[A-Za-z0-9._-]+}', (c) => {
    const file = c.req.param('file');
    const type = TYPES[extname(file)];
    const root = dir && normalize(join(dir, 'assets'));
    const path = root && normalize(join(root, file));
    const body = type && path && path.startsWith(root + sep) ? readIfFile(path, true) : undefined;
    if (body === undefined) return errorResponse(404, 'Not found');
    return new Response(body as Uint8Array<ArrayBuffer>, { headers: { ...DASHBOARD_PAGE_HEADERS, 'Content-Type': type as string, 'Cache-Control': 'public, max-age=31536000, immutable' } });
  });
  return app;
}

function readIfFile(path: string): string | undefined;
function readIfFile(path: string, binary: true): Uint8Array<ArrayBuffer> | undefined;
function readIfFile(path: string, binary = false): string | Uint8Array<ArrayBuffer> | undefined {
  try {
    if (!statSync(path).isFile()) return undefined;
    return binary ? Uint8Array.from(readFileSync(path)) : readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
