import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChildRegistry } from './child-registry';
import { freePort } from '../../net/free-port';

/** A system under test: one or more server processes on loopback ports. */
export interface Target {
  ports: number[];
  pids: number[];
  /** SIGTERM (the proxy's graceful stop), then SIGKILL after 5 s. */
  stop(): Promise<void>;
}

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The bare node:http 201 server (bare-server.ts). */
export async function startBareServer(children: ChildRegistry): Promise<Target> {
  const script = fileURLToPath(new URL('./bare-server.ts', import.meta.url));
  // It answers anything, so any answer means it listens.
  return startServers(1, children, { args: ['--import', 'tsx', script], env: {}, isReady: async (port) => (await fetch(`http://127.0.0.1:${port}/`)).ok });
}

/**
 * `count` proxies on one database, as `main.ts` runs them (the compiled
 * dist/proxy/main.js when built, else the sources through tsx), each on a
 * free port with the demo surveys. The first migrates the database alone;
 * the others start once it answers.
 */
export async function startProxies(count: number, database: { DATABASE_PATH: string } | { DATABASE_URL: string }, children: ChildRegistry): Promise<Target> {
  const args = proxyArgs();
  const env = {
    HOST: '127.0.0.1',
    SURVEYS_DIR: join(REPO_ROOT, 'demo/surveys'),
    // The relay and webhook workers would only look at empty queues; keep their polls out of the figures.
    RELAY_POLL_MS: '60000',
    // Thousands of responses a second from loopback: measured without the abuse limits (their cost is measured apart).
    RATE_LIMITS: 'off',
    ...database,
  };
  return startServers(count, children, { args, env, isReady: proxyIsReady });
}

/** `dist/proxy/main.js` or `--import tsx src/proxy/main.ts`: how the proxies are started, for the report. */
export function proxyCommand(): string {
  return proxyArgs()
    .map((arg) => arg.replace(REPO_ROOT, ''))
    .join(' ');
}

function proxyArgs(): string[] {
  const compiled = join(REPO_ROOT, 'dist/proxy/main.js');
  return existsSync(compiled) ? [compiled] : ['--import', 'tsx', join(REPO_ROOT, 'src/proxy/main.ts')];
}

interface ServerCommand {
  args: string[];
  env: Record<string, string>;
  /** Resolves true once the server on `port` serves; may throw while it does not listen yet. */
  isReady(port: number): Promise<boolean>;
}

async function startServers(count: number, children: ChildRegistry, command: ServerCommand): Promise<Target> {
  const started: { port: number; pid: number; stop: () => Promise<void> }[] = [];
  const stop = async () => void (await Promise.all(started.map((server) => server.stop())));
  try {
    for (let i = 0; i < count; i++) started.push(await startServer(children, command));
  } catch (error) {
    await stop();
    throw error;
  }
  return { ports: started.map((s) => s.port), pids: started.map((s) => s.pid), stop };
}

async function startServer(children: ChildRegistry, { args, env, isReady }: ServerCommand) {
  const port = await freePort();
  // The bench's own DATABASE_* must not leak into a target that was given the other one.
  const { DATABASE_URL: _url, DATABASE_PATH: _path, ...inherited } = process.env;
  const child = children.track(spawn(process.execPath, args, { cwd: REPO_ROOT, env: { ...inherited, ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'pipe'] }));
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => void (log = (log + chunk.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitUntilReady(port, isReady, () => child.exitCode ?? child.signalCode, () => log);
  } catch (error) {
    await stop();
    throw error;
  }
  return { port, pid: child.pid!, stop };
}

/** A proxy is ready when `/readyz` says 200, or, on a proxy without `/readyz`, when the demo survey is served. */
async function proxyIsReady(port: number): Promise<boolean> {
  const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
  if (ready.status !== 404) return ready.status === 200;
  return (await fetch(`http://127.0.0.1:${port}/v1/surveys/acme/post-purchase`)).status === 200;
}

async function waitUntilReady(port: number, isReady: (port: number) => Promise<boolean>, exit: () => number | string | null, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exit() !== null) throw new Error(`the server on port ${port} exited (${exit()}): ${log()}`);
    if (await isReady(port).catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`the server on port ${port} did not answer within 60 s: ${log()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

