import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from '../net/free-port';

/** A PostgreSQL server of our own on loopback, for tests and benchmarks; nothing else may be running. */
export interface PrivatePostgres {
  /** `postgres://postgres@127.0.0.1:PORT/postgres`, trust auth on loopback only. */
  url: string;
  port: number;
  /** Stops the server (fast shutdown) and removes its data directory. */
  stop(): Promise<void>;
}

export interface PrivatePostgresOptions {
  /**
   * false (tests): fsync off, the server's data is thrown away anyway.
   * true (benchmarks): fsync and synchronous_commit on, as a merchant runs it.
   */
  durable?: boolean;
  maxConnections?: number;
}

/**
 * Starts a private PostgreSQL server: `initdb` in a temp directory, `postgres`
 * on a free loopback port, as the `postgres` user when run as root (the server
 * refuses to run as root). Uses the machine's binaries (PATH, then Debian's
 * /usr/lib/postgresql/N/bin); `.ci/run` installs them when missing.
 *
 * @example
 * const server = await startPrivatePostgres();
 * const store = await openStore(server.url);
 * await server.stop();
 */
export async function startPrivatePostgres({ durable = false, maxConnections = 300 }: PrivatePostgresOptions = {}): Promise<PrivatePostgres> {
  const bin = postgresBinDir();
  const dir = mkdtempSync(join(tmpdir(), 'survey-pg-'));
  // Spawned as the postgres user itself (not through runuser), so our signals reach the server.
  const user = process.getuid?.() === 0 ? { uid: postgresId('-u'), gid: postgresId('-g') } : {};
  if (user.uid !== undefined) chownSync(dir, user.uid, user.gid);

  const initArgs = ['-D', join(dir, 'data'), '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync'];
  const init = spawnSync(join(bin, 'initdb'), initArgs, { encoding: 'utf8', cwd: dir, ...user });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.stdout}`);

  const port = await freePort();
  const settings = [
    `listen_addresses=127.0.0.1`,
    `port=${port}`,
    `unix_socket_directories=${dir}`,
    `max_connections=${maxConnections}`,
    `fsync=${durable ? 'on' : 'off'}`,
    `synchronous_commit=${durable ? 'on' : 'off'}`,
    `full_page_writes=${durable ? 'on' : 'off'}`,
    'log_min_messages=warning',
  ];
  const server = spawn(join(bin, 'postgres'), ['-D', join(dir, 'data'), ...settings.flatMap((s) => ['-c', s])], { stdio: ['ignore', 'ignore', 'pipe'], cwd: dir, ...user });
  let log = '';
  server.stderr?.on('data', (chunk: Buffer) => void (log = (log + chunk.toString()).slice(-4000)));
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  try {
    await waitUntilAccepting(url, server, () => log);
  } catch (error) {
    server.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url,
    port,
    stop: async () => {
      await stopServer(server);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function postgresBinDir(): string {
  const onPath = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).stdout.trim();
  if (onPath) {
    const resolved = spawnSync('readlink', ['-f', onPath], { encoding: 'utf8' }).stdout.trim() || onPath;
    return resolved.replace(/\/initdb$/, '');
  }
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error("PostgreSQL's initdb was not found on PATH or in /usr/lib/postgresql/*/bin: install Debian's postgresql package");
  return join(root, newest, 'bin');
}

/** The postgres user's uid (`-u`) or gid (`-g`); Debian's package creates the user. */
function postgresId(flag: '-u' | '-g'): number {
  const out = spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  if (out.status !== 0) throw new Error('running as root needs a postgres user to run the server as: install Debian\'s postgresql package');
  return Number(out.stdout.trim());
}

async function waitUntilAccepting(url: string, server: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`postgres exited with ${server.exitCode}: ${log()}`);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.query('SELECT 1');
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw new Error(`postgres did not accept connections in 30 s: ${(error as Error).message} ${log()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  // SIGINT is PostgreSQL's fast shutdown: open sessions are ended, nothing waits for clients.
  server.kill('SIGINT');
  const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
