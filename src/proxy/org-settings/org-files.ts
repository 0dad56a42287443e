import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';

/** The org folders under `dir` (each org's surveys and settings files); none when it cannot be read. */
export function orgFolders(dir: string): string[] {
  try {
    return readdirSync(dir).filter((name) => statSync(join(dir, name)).isDirectory());
  } catch {
    return []; // the survey catalog already reports an unreadable folder
  }
}

/**
 * An org's settings file, validated: undefined when absent, and when broken too, after one log
 * line naming the file and each problem, so one typo never takes the proxy down.
 */
export function readSettingsFile<S extends z.ZodType>(path: string, schema: S, log: (message: string) => void): z.infer<S> | undefined {
  if (!existsSync(path)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    // Only where: V8's message quotes the text around the error, and a secret pasted into the file would leak.
    log(`[survey-proxy] ignored ${path}: not valid JSON (${jsonErrorPlace((error as Error).message)})`);
    return undefined;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    log(`[survey-proxy] ignored ${path}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
    return undefined;
  }
  return parsed.data;
}

/** "at position 12 (line 2 column 5)" from V8's JSON.parse message, without the text it quotes. */
function jsonErrorPlace(message: string): string {
  const place = /(at position \d+(?: \(line \d+ column \d+\))?)|(Unexpected end of JSON input)/.exec(message);
  return place?.[0] ?? 'a syntax error';
}
