import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compress } from '../../../src/proxy/widget-files/compress';
import { tempDir } from '../fixtures';

/** A script long enough for the codings to matter, with a non-ASCII character to keep charset honest. */
export const SCRIPT = `/* survey widget — built */\n${'window.CustomerSureSurveyWidget = window.CustomerSureSurveyWidget || { q: [] };\n'.repeat(120)}`;
export const STYLES = `:host{all:initial}\n${'.trigger{color:#1f2937;background:#f9fafb}\n'.repeat(80)}`;

/** The paths of a temporary dist/ with the script, its stylesheet and their .br and .gz, as `npm run build` leaves them. */
export function builtWidget(files: { script?: string; styles?: string } = {}): { dir: string; script: string; styles: string } {
  const dir = tempDir();
  const paths = { dir, script: join(dir, 'survey_widget.js'), styles: join(dir, 'survey_widget.css') };
  for (const [path, text] of [[paths.script, files.script ?? SCRIPT], [paths.styles, files.styles ?? STYLES]] as const) {
    const bytes = Buffer.from(text);
    writeFileSync(path, bytes);
    writeFileSync(`${path}.br`, compress(bytes, 'br'));
    writeFileSync(`${path}.gz`, compress(bytes, 'gzip'));
  }
  return paths;
}
