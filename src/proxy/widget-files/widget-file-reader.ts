import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { widgetFile, type Precompressed, type WidgetFile } from './widget-file';

/**
 * Returns a reader for one built widget file (`dist/survey_widget.js` or its
 * `.css`) with the `.br` and `.gz` the build wrote beside it: undefined while
 * it is not built, re-read only when its mtime or size changes. Reading per
 * request rather than once at startup means `vite build --watch` rebuilds,
 * or a build run after the proxy started, are served without a restart; the
 * stat costs microseconds next to the request.
 */
export function createWidgetFileReader(path: string): () => WidgetFile | undefined {
  let cached: { mtimeMs: number; size: number; file: WidgetFile } | undefined;
  return () => {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      cached = undefined;
      return undefined;
    }
    if (!cached || cached.mtimeMs !== stat.mtimeMs || cached.size !== stat.size) {
      const precompressed: Precompressed = { br: readIfThere(`${path}.br`), gzip: readIfThere(`${path}.gz`) };
      cached = { mtimeMs: stat.mtimeMs, size: stat.size, file: widgetFile(basename(path), readFileSync(path), precompressed) };
    }
    return cached.file;
  };
}

function readIfThere(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}
