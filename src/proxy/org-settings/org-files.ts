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
    log(`[survey-proxy] ignored ${path}: not valid JSON (${(error as Error).message})`);
    return undefined;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    log(`[survey-proxy] ignored ${path}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
    return undefined;
  }
  return parsed.data;
}
