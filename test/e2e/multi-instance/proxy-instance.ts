import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** One proxy process of several sharing a database. */
export interface ProxyInstance {
  /** `http://127.0.0.1:{port}` */
  origin: string;
  pid: number;
  /** Everything it printed so far, stdout and stderr interleaved. */
  output(): string;
  /** True until it has exited. */
  readonly alive: boolean;
  /** SIGKILL: no handler runs, no connection closes cleanly. Resolves once it has exited. */
  kill(): Promise<void>;
}

/**
 * How to run the proxy: the compiled server when `npm run build` produced it
 * (what a deployment runs), else the TypeScript entry through tsx (`npm run serve`).
 */
export function proxyCommand(repo: string): string[] {
  const compiled = join(repo, 'dist/proxy/main.js');
  return existsSync(compiled) ? [compiled] : ['--import', 'tsx', 'src/proxy/main.ts'];
}

/**
 * Starts one proxy process in `repo` on `port`, with `env` plus PATH, HOME and
 * TMPDIR, and resolves once it listens. Modelled on relay-crash's
 * `spawnProxy`, but runs whichever entry `proxyCommand` picks.
 */
export function startInstance(repo: string, port: number, env: Record<string, string>, timeoutMs = 30_000): Promise<ProxyInstance> {
  const inherited = Object.fromEntries(['PATH', 'HOME', 'TMPDIR'].flatMap((name) => (process.env[name] ? [[name, process.env[name]]] : [])));
  const child = spawn(process.execPath, proxyCommand(repo), {
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
    // Three processes start side by side on two shared cores: tsx's compile takes a while.
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
