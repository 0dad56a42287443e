import { readFile, realpath } from 'node:fs/promises';
import { basename, extname, join, resolve, sep } from 'node:path';
import type { Handler } from 'hono';
import { demoPageCsp } from './demo-page-csp';
import { errorResponse } from './json-response';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  // Every reply is nosniff: a module served as octet-stream would not run.
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves the demo pages from `demoDir` (`/` is `index.html`); anything else is
 * a 404. Never a file under one of `hiddenDirs` (the survey files, with their
 * `_org.json` and relay settings, live under `demo/surveys` by default) nor a
 * database file, whatever the URL's case or encoding: those are as missing as
 * any other. HTML pages carry a CSP allowing only their own inline code.
 */
export function serveDemo(demoDir: string, hiddenDirs: readonly string[] = []): Handler {
  const root = resolve(demoDir);
  return async (c) => {
    const file = demoFilePath(root, new URL(c.req.url).pathname);
    if (file === undefined || isDatabaseFile(file)) return errorResponse(404, 'Not found');
    let body: Buffer;
    try {
      // The real path: a symlink in the demo folder must not lead into a hidden one.
      if (await isHidden(await realpath(file), hiddenDirs)) return errorResponse(404, 'Not found');
      body = await readFile(file);
    } catch {
      // Missing, a directory, unreadable: all just "not here" to a visitor.
      return errorResponse(404, 'Not found');
    }
    const extension = extname(file).toLowerCase();
    const type = CONTENT_TYPES[extension] ?? 'application/octet-stream';
    const headers: Record<string, string> = { 'Content-Type': type, 'Cache-Control': 'no-cache' };
    if (extension === '.html') headers['Content-Security-Policy'] = demoPageCsp(body.toString('utf8'));
    return new Response(new Uint8Array(body), { headers });
  };
}

/** SQLite's files and its journals, whatever the folder they were left in. */
const DATABASE_FILE = /\.(sqlite3?|db)$|-(wal|shm|journal)$/i;

function isDatabaseFile(file: string): boolean {
  return DATABASE_FILE.test(basename(file));
}

/**
 * Compared without case: on a case-insensitive disk (macOS, Windows) `/SURVEYS/…`
 * opens the same file as `/surveys/…`.
 */
async function isHidden(file: string, hiddenDirs: readonly string[]): Promise<boolean> {
  const path = file.toLowerCase();
  for (const dir of hiddenDirs) {
    const real = (await realpath(dir).catch(() => resolve(dir))).toLowerCase();
    if (path === real || path.startsWith(real + sep)) return true;
  }
  return false;
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
