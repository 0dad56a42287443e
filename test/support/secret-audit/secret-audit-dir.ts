import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A fresh directory for this run's audit records, named for the Vitest
 * process; directories left by runs whose process is gone are removed, so
 * runs that never reach the audit project leave nothing behind for long.
 */
export function secretAuditDir(): string {
  const root = join(tmpdir(), 'survey-widget-secret-audit');
  mkdirSync(root, { recursive: true });
  for (const name of readdirSync(root)) {
    if (/^\d+$/.test(name) && !alive(Number(name))) rmSync(join(root, name), { recursive: true, force: true });
  }
  const dir = join(root, String(process.pid));
  if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir);
  return dir;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
