import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** One script's size as a visitor's browser downloads it. */
export interface ScriptSize {
  file: string;
  raw: number;
  gzip: number;
}

export interface DashboardScripts {
  /** The chunk `index.html` loads: what every visit costs. */
  entry: ScriptSize;
  /** Each locale's strings are a chunk fetched only when chosen; the largest is the worst case on top of the entry. */
  largestLocale: ScriptSize | undefined;
  chunks: number;
}

/** Raw and gzip -9 bytes of a file, as `scripts/size-report.mjs` measures the widget. */
export function scriptSize(path: string, file: string): ScriptSize {
  const bytes = readFileSync(path);
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

/** Every `.js` in `{dashboardDir}/assets`, told apart into the entry (named in index.html) and the rest. */
export function dashboardScripts(dashboardDir: string): DashboardScripts {
  const html = readFileSync(join(dashboardDir, 'index.html'), 'utf8');
  const entryFile = /src="\/dashboard\/assets\/([^"]+\.js)"/.exec(html)?.[1];
  if (!entryFile) throw new Error(`${join(dashboardDir, 'index.html')} names no entry script`);
  const files = readdirSync(join(dashboardDir, 'assets')).filter((f) => f.endsWith('.js'));
  const sizes = files.map((f) => scriptSize(join(dashboardDir, 'assets', f), `assets/${f}`));
  const entry = sizes.find((s) => s.file === `assets/${entryFile}`);
  if (!entry) throw new Error(`the entry script ${entryFile} is not in ${join(dashboardDir, 'assets')}`);
  const others = sizes.filter((s) => s !== entry).sort((a, b) => b.gzip - a.gzip);
  return { entry, largestLocale: others[0], chunks: sizes.length };
}
