/**
 * `npm run migrate` as a deploy pipeline runs it, the built CLI in its own
 * process: it applies what the database lacks, names it, and is a no-op the
 * second time, on SQLite and on PostgreSQL.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPrivatePostgres, type PrivatePostgres } from '../../scripts/postgres/private-postgres';
import { MIGRATIONS } from '../../src/proxy/store/migrations/index';
import { REPO } from './harness';

const run = promisify(execFile);
let postgres: PrivatePostgres | undefined;
beforeAll(async () => void (postgres = await startPrivatePostgres()));
afterAll(async () => postgres?.stop());

async function migrate(env: Record<string, string>): Promise<string> {
  const { stdout } = await run(process.execPath, ['dist/proxy/migrate.js'], { cwd: REPO, env: { PATH: process.env.PATH ?? '', ...env } });
  return stdout.trim();
}

describe('npm run migrate', () => {
  const names = Object.keys(MIGRATIONS).sort().join(', ');

  it('brings a new SQLite file to the newest schema, then finds nothing to do', async () => {
    const env = { DATABASE_PATH: join(mkdtempSync(join(tmpdir(), 'survey-migrate-')), 'proxy.sqlite') };
    expect(await migrate(env)).toBe(`applied ${Object.keys(MIGRATIONS).length} migration(s): ${names}`);
    expect(await migrate(env)).toBe('database schema is up to date');
  });

  it('does the same on PostgreSQL through DATABASE_URL', async () => {
    const env = { DATABASE_URL: postgres!.url };
    expect(await migrate(env)).toBe(`applied ${Object.keys(MIGRATIONS).length} migration(s): ${names}`);
    expect(await migrate(env)).toBe('database schema is up to date');
  });

  it('refuses a DATABASE_URL that is not PostgreSQL, without echoing it', async () => {
    const failed = await migrate({ DATABASE_URL: 'mysql://root:hunter2@db/x' }).catch((error: { code: number; stderr: string }) => error);
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stderr: string }).stderr).toContain('DATABASE_URL must be a PostgreSQL URL');
    expect((failed as { stderr: string }).stderr).not.toContain('hunter2');
  });
});
