import { parseAuditLines } from './audit-line';

/** A secret found where it must never be. */
export interface Leak {
  secret: string;
  label: string;
  kind: 'reply' | 'log';
  file: string;
  /** The text around it, the secret masked, so the report itself leaks nothing. */
  context: string;
}

export interface AuditSummary {
  replies: number;
  logLines: number;
  secrets: number;
  leaks: Leak[];
}

/**
 * Greps recorded replies and log lines for secrets: the `known` ones (label
 * → value) and every token a recorded test sent, in any file (a token sent by
 * one worker must not come back in another's reply either). Pure: pass the
 * files' contents.
 */
export function findLeaks(files: Record<string, string>, known: Record<string, string>): AuditSummary {
  const parsed = Object.entries(files).map(([file, content]) => ({ file, records: parseAuditLines(content) }));
  const secrets = new Map<string, string>(Object.entries(known).map(([label, value]) => [value, label]));
  for (const { records } of parsed) for (const r of records) if (r.kind === 'secret' && !secrets.has(r.text)) secrets.set(r.text, 'a token a test sent');
  const pattern = new RegExp([...secrets.keys()].sort((a, b) => b.length - a.length).map(escape).join('|'), 'g');
  const summary: AuditSummary = { replies: 0, logLines: 0, secrets: secrets.size, leaks: [] };
  for (const { file, records } of parsed) {
    for (const { kind, text } of records) {
      if (kind === 'secret') continue;
      if (kind === 'reply') summary.replies++;
      else summary.logLines++;
      if (secrets.size === 0) continue;
      for (const match of text.matchAll(pattern)) {
        const secret = match[0];
        const at = match.index;
        const context = `${text.slice(Math.max(0, at - 80), at)}[${secrets.get(secret)}]${text.slice(at + secret.length, at + secret.length + 80)}`;
        summary.leaks.push({ secret, label: secrets.get(secret)!, kind, file, context });
      }
    }
  }
  return summary;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
