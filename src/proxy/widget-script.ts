import { readFileSync, statSync } from 'node:fs';

/**
 * Returns a reader for the built widget script: undefined while it is not
 * built, re-read only when its mtime or size changes. Reading per request
 * rather than once at startup means `vite build --watch` rebuilds, or a
 * build run after the proxy started, are served without a restart; the
 * stat costs microseconds next to the request.
 */
export function createWidgetScriptReader(path: string): () => string | undefined {
  let cached: { mtimeMs: number; size: number; text: string } | undefined;
  return () => {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      cached = undefined;
      return undefined;
    }
    if (!cached || cached.mtimeMs !== stat.mtimeMs || cached.size !== stat.size) {
      cached = { mtimeMs: stat.mtimeMs, size: stat.size, text: readFileSync(path, 'utf8') };
    }
    return cached.text;
  };
}
