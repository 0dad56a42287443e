/**
 * A Vitest setup file for the Node projects: records every reply body a test
 * reads (in process or over HTTP), every console line, every write to this
 * worker's stdout and stderr, and everything a spawned child prints, together
 * with the API tokens tests send, into `$SECRET_AUDIT_DIR`. The `audit`
 * project, run last, greps all of it for secrets (`find-leaks.ts`).
 *
 * Patches only: nothing here changes what a test sees.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { auditLine, type AuditKind } from './audit-line';
import { tokenOfAuthorization } from './token-of-authorization';

const dir = process.env.SECRET_AUDIT_DIR;
const PATCHED = Symbol.for('survey-widget.secret-audit');
const global = globalThis as typeof globalThis & { [PATCHED]?: true };

if (dir && !global[PATCHED]) {
  global[PATCHED] = true;
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${process.pid}.log`);
  let recording = false;
  const record = (kind: AuditKind, text: string) => {
    // appendFileSync may itself log on failure: never recurse.
    if (recording || !text) return;
    recording = true;
    try {
      appendFileSync(file, auditLine(kind, text));
    } catch {
      // A full disk must not fail the test that happened to log.
    } finally {
      recording = false;
    }
  };
  patchReplies(record);
  patchFetch(record);
  patchConsole(record);
  patchChildren(record);
}

/** Reply bodies as tests read them, with the reply's status and headers. */
function patchReplies(record: (kind: AuditKind, text: string) => void): void {
  const proto = Response.prototype as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const headersOf = (res: Response) => [...res.headers].map(([k, v]) => `${k}: ${v}`).join('\n');
  for (const method of ['text', 'json', 'arrayBuffer', 'bytes']) {
    const original = proto[method];
    if (typeof original !== 'function') continue;
    proto[method] = async function (this: Response, ...args: unknown[]) {
      const value = await original.apply(this, args);
      record('reply', `${this.status}\n${headersOf(this)}\n\n${bodyText(value)}`);
      return value;
    };
  }
}

function bodyText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) return Buffer.from(value as ArrayBuffer).toString('utf8');
  return safeJson(value);
}

/** The tokens sent as `Authorization: Token token="…"` over HTTP (tests, the relay to CustomerSure): each must never come back. */
function patchFetch(record: (kind: AuditKind, text: string) => void): void {
  const original = globalThis.fetch;
  globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    try {
      const token = tokenOfAuthorization(new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined)).get('authorization'));
      if (token) record('secret', token);
    } catch {
      // Headers the fetch itself will refuse: let it say so.
    }
    return original(input, init);
  };
}

function patchConsole(record: (kind: AuditKind, text: string) => void): void {
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    const original = console[method].bind(console);
    console[method] = (...args: unknown[]) => {
      record('log', args.map((a) => (typeof a === 'string' ? a : a instanceof Error ? (a.stack ?? a.message) : safeJson(a))).join(' '));
      original(...args);
    };
  }
  for (const stream of [process.stdout, process.stderr]) {
    const original = stream.write.bind(stream) as (...args: unknown[]) => boolean;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      record('log', typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : '');
      return original(chunk, ...rest);
    }) as typeof stream.write;
  }
}

/** What spawned proxies print: their logs are the proxy's logs. */
function patchChildren(record: (kind: AuditKind, text: string) => void): void {
  const childProcess = createRequire(import.meta.url)('node:child_process') as typeof import('node:child_process');
  const original = childProcess.spawn;
  childProcess.spawn = ((...args: Parameters<typeof original>) => {
    const child: ChildProcess = original(...args);
    for (const stream of [child.stdout, child.stderr]) stream?.on('data', (chunk: Buffer | string) => record('log', chunk.toString()));
    return child;
  }) as typeof original;
  syncBuiltinESMExports();
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
