import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { onTestFinished, vi } from 'vitest';
import { CANARY_SECRETS } from '../../support/canary-secrets';
import { auditLine, type AuditKind } from '../../support/secret-audit/audit-line';

/** A reply as a user sees it: status, every header, the body. */
export interface SeenReply {
  status: number;
  headers: Headers;
  text: string;
  json(): any;
}

export interface LeakWatch {
  /** Reads a reply whole, keeps it for the leak check, and returns it. */
  read(res: Response | Promise<Response>): Promise<SeenReply>;
  /** A `log` to inject into the app and the workers. */
  log: (message: string) => void;
  /** Keeps other text a user could see (a thrown error's message, a webhook body a receiver got). */
  saw(text: string): void;
  /** The lines logged so far, through `log` and the console. */
  logLines(): string[];
  /** Every canary found, as `label in what: …context…`, masked; `extra` adds secrets of the test's own (label → value). */
  leaks(extra?: Record<string, string>): string[];
}

/**
 * Collects what a tour step shows: the replies it reads, the lines logged
 * through the injected `log`, and every console line while the watch lives
 * (the proxy's default `log` is console.error). `leaks()` then looks in all
 * of it for each canary, as is and in the encodings a credential travels in.
 * Call it inside a test: the console is watched until that test ends.
 *
 * Replies read are recorded for the suite's secret audit as every reply is;
 * injected log lines and what else a user saw are added to its records here,
 * since they never reach the console.
 */
export function leakWatch(): LeakWatch {
  const seen: { what: string; text: string }[] = [];
  const keep = (what: string, text: string, kind?: AuditKind) => {
    seen.push({ what, text });
    if (kind) recordForAudit(kind, text);
  };
  const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) => vi.spyOn(console, method));
  onTestFinished(() => spies.forEach((spy) => spy.mockRestore()));
  const consoleLines = () => spies.flatMap((spy) => spy.mock.calls.map((args) => args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : String(a))).join(' ')));
  return {
    async read(res) {
      const reply = await res;
      const text = await reply.text();
      seen.push({ what: `the ${reply.status} reply`, text: `${reply.status}\n${[...reply.headers].map(([k, v]) => `${k}: ${v}`).join('\n')}\n\n${text}` });
      return { status: reply.status, headers: reply.headers, text, json: () => JSON.parse(text) };
    },
    log: (message) => keep('a log line', message, 'log'),
    saw: (text) => keep('what a user saw', text, 'reply'),
    logLines: () => [...seen.filter((s) => s.what === 'a log line').map((s) => s.text), ...consoleLines()],
    leaks(extra = {}) {
      const all = [...seen, ...consoleLines().map((text) => ({ what: 'a console line', text }))];
      const secrets = { ...CANARY_SECRETS, ...extra };
      const found: string[] = [];
      for (const [label, value] of Object.entries(secrets)) {
        for (const form of forms(value)) {
          for (const { what, text } of all) {
            const at = text.indexOf(form);
            if (at >= 0) found.push(`${label} in ${what}: …${text.slice(Math.max(0, at - 60), at)}[${label}]${text.slice(at + form.length, at + form.length + 60)}…`);
          }
        }
      }
      return found;
    },
  };
}

/** Appends to the audit's records (every `*.log` in `$SECRET_AUDIT_DIR` is read), when the run keeps them. */
function recordForAudit(kind: AuditKind, text: string): void {
  const dir = process.env.SECRET_AUDIT_DIR;
  if (dir) appendFileSync(join(dir, `secrets-tour-${process.pid}.log`), auditLine(kind, text));
}

/** A secret as it is, URL-encoded and in base64: echoed back in any of them, it leaked. */
function forms(value: string): string[] {
  return [...new Set([value, encodeURIComponent(value), Buffer.from(value).toString('base64').replace(/=+$/, '')])];
}
