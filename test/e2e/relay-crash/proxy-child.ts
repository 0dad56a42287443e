import { spawn } from 'node:child_process';
import { freePort } from '../../../scripts/net/free-port';

export { freePort };

/** The proxy as its own process, to be killed for real. */
export interface ProxyChild {
  /** `http://127.0.0.1:{port}` */
  origin: string;
  pid: number;
  /** Everything it printed so far, stdout and stderr interleaved. */
  output(): string;
  /** True until it has exited. */
  readonly alive: boolean;
  /** SIGKILL: no handler runs, no lease is given back, no connection closes cleanly. Resolves once it has exited. */
  kill(): Promise<void>;
}

/**
 * Starts `node dist/proxy/main.js` (what `npm run serve` runs, built) in
 * `repo` on `port`, with `env` plus PATH, HOME and TMPDIR, and resolves once
 * it listens. Unlike seed-replay's `startProxyProcess`, it can be killed with
 * SIGKILL, which is the point of the relay crash test.
 */
export function spawnProxy(repo: string, port: number, env: Record<string, string>, timeoutMs = 15_000): Promise<ProxyChild> {
  const inherited = Object.fromEntries(['PATH', 'HOME', 'TMPDIR'].flatMap((name) => (process.env[name] ? [[name, process.env[name]]] : [])));
  const child = spawn(process.execPath, ['dist/proxy/main.js'], {
    cwd: repo,
    env: { ...inherited, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const running = () => child.exitCode === null && child.signalCode === null;
  const kill = async () => {
    if (running()) child.kill('SIGKILL');
    await exited;
  };
  return new Promise((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      void kill().then(() => reject(new Error(`the proxy on port ${port} ${why}:\n${output}`)));
    };
    const timer = setTimeout(() => fail(`did not listen within ${timeoutMs} ms`), timeoutMs);
    const early = (code: number | null, signal: NodeJS.Signals | null) => fail(`exited (${signal ?? code}) before listening`);
    child.once('exit', early);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (!output.includes('Survey proxy listening on')) return;
      clearTimeout(timer);
      child.off('exit', early);
      resolve({
        origin: `http://127.0.0.1:${port}`,
        pid: child.pid!,
        output: () => output,
        get alive() {
          return running();
        },
        kill,
      });
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
  });
}

