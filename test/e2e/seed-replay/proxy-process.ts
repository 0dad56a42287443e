import { spawn } from 'node:child_process';

/** The proxy running as its own process. */
export interface ProxyProcess {
  /** `http://127.0.0.1:{port}`, read from the line the proxy prints when it listens. */
  origin: string;
  /** Everything it wrote to stderr so far. */
  stderr(): string;
  /** SIGTERM, then SIGKILL if it has not exited after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

const LISTENING = /Survey proxy listening on (http:\/\/[^/\s]+)\//;

/**
 * Starts `node dist/proxy/main.js` (built) in `repo` with `env` (and
 * PATH, HOME, TMPDIR, nothing else of this process's environment), and
 * resolves once it prints the address it listens on. Rejects, with its
 * stderr, if it exits first or takes longer than `timeoutMs`.
 */
export function startProxyProcess(repo: string, env: Record<string, string>, timeoutMs = 15_000): Promise<ProxyProcess> {
  const inherited = Object.fromEntries(['PATH', 'HOME', 'TMPDIR'].flatMap((name) => (process.env[name] ? [[name, process.env[name]]] : [])));
  const child = spawn(process.execPath, ['dist/proxy/main.js'], { cwd: repo, env: { ...inherited, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async (graceMs = 5_000) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  };

  return new Promise((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      void stop().then(() => reject(new Error(`the proxy ${why}; stdout:\n${stdout}\nstderr:\n${stderr}`)));
    };
    const timer = setTimeout(() => fail(`printed no "Survey proxy listening on" line within ${timeoutMs} ms`), timeoutMs);
    const early = (code: number | null, signal: NodeJS.Signals | null) => fail(`exited (${signal ?? code}) before listening`);
    child.once('exit', early);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const origin = LISTENING.exec(stdout)?.[1];
      if (origin === undefined) return;
      clearTimeout(timer);
      child.off('exit', early);
      resolve({ origin, stderr: () => stderr, stop });
    });
  });
}
