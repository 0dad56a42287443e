/**
 * The secrets tour, the database password: a DATABASE_URL that is malformed,
 * or names a server that refuses connections, fails with errors that never
 * hold its password, in readConfig, in openStore, in the proxy's start-up
 * line, and in /readyz and the replies while the database is unreachable.
 */
import { spawn } from 'node:child_process';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../../src/proxy/config';
import { openPostgres } from '../../../src/proxy/store/open-postgres';
import { createStore, openStore } from '../../../src/proxy/store/open-store';
import { freePort } from '../../../scripts/net/free-port';
import { CANARY_SECRETS } from '../../support/canary-secrets';
import { postResponse, testApp, validPayload } from '../fixtures';
import { leakWatch } from './leak-watch';

const PASSWORD = CANARY_SECRETS.databasePassword;
/** Nothing listens on port 1: the connection is refused at once. */
const REFUSING = `postgres://feedback:${PASSWORD}@127.0.0.1:1/feedback`;
const REPO = new URL('../../../', import.meta.url);

/** Everything an error would print: its message, stack, cause and own properties. */
const everything = (error: unknown) => inspect(error, { depth: 8, showHidden: true });

/** `node src/proxy/main.ts` (through tsx) with `env`, to its exit: its exit code and all it printed. */
function runMain(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/proxy/main.ts'], {
    cwd: REPO,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 25_000);
  return new Promise((resolve) =>
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    }),
  );
}

describe('the secrets tour: the database password', () => {
  it.each([
    ['a misspelt scheme', `postgress://feedback:${PASSWORD}@db.internal:5432/feedback`],
    ['another database’s scheme', `mysql://feedback:${PASSWORD}@db.internal/feedback`],
    ['no URL at all', `feedback:${PASSWORD}@db.internal`],
  ])('readConfig refuses a DATABASE_URL with %s without repeating its password', (_case, url) => {
    const watch = leakWatch();
    let thrown: unknown;
    try {
      readConfig({ DATABASE_URL: url });
    } catch (error) {
      thrown = error;
    }
    expect((thrown as Error).message).toMatch(/^DATABASE_URL must be a PostgreSQL URL/);
    watch.saw(everything(thrown));
    expect(watch.leaks()).toEqual([]);
  });

  it('readConfig keeps a well-formed DATABASE_URL whole, password included, for the store alone', () => {
    expect(readConfig({ DATABASE_URL: REFUSING }).databaseUrl).toBe(REFUSING);
  });

  it('openStore on a server that refuses connections fails at once with an error that does not hold the password', async () => {
    const watch = leakWatch();
    const started = Date.now();
    const thrown = await openStore(REFUSING).catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as Error).message).toContain('ECONNREFUSED');
    expect(Date.now() - started).toBeLessThan(5_000);
    watch.saw(everything(thrown));
    expect(watch.leaks()).toEqual([]);
  });

  it.each([
    ['a server that refuses connections', REFUSING, /could not start: .*ECONNREFUSED/],
    ['a malformed DATABASE_URL', `postgress://feedback:${PASSWORD}@db.internal/feedback`, /could not start: DATABASE_URL must be a PostgreSQL URL/],
  ])('the proxy started on %s exits with a start-up line that does not hold the password', async (_case, url, line) => {
    const watch = leakWatch();
    const { code, output } = await runMain({ DATABASE_URL: url });
    expect(code).toBe(1);
    expect(output).toMatch(line);
    watch.log(output);
    expect(watch.leaks()).toEqual([]);
  });

  it('with the database unreachable, /readyz and a refused response show neither the URL nor its password, and nothing logs them', async () => {
    const watch = leakWatch();
    const url = `postgres://feedback:${PASSWORD}@127.0.0.1:${await freePort()}/feedback`;
    const store = createStore(await openPostgres(url, { poolSize: 2 }));
    try {
      const { app } = await testApp({ store, log: watch.log });
      const ready = await watch.read(app.request('/readyz'));
      expect(ready.status).toBe(503);
      expect(ready.json()).toEqual({ status: 'database_unavailable' });
      const refused = await watch.read(postResponse(app, validPayload()));
      expect(refused.status).toBe(503);
      expect(watch.leaks({ 'the database URL': url })).toEqual([]);
    } finally {
      await store.close().catch(() => undefined);
    }
  });
});
