/** What a recorded line holds: a reply a test read, a log line, or a secret a test sent. */
export type AuditKind = 'reply' | 'log' | 'secret';

/** Longest text kept per record: a secret in a reply's first megabyte is found; exports beyond it are not worth the disk. */
const MAX_TEXT = 1 << 20;

/**
 * One record as one line: the kind, a tab, the text as JSON (so newlines in
 * a reply never split it).
 *
 * @example
 * auditLine('log', 'listening\n') // 'log\t"listening\\n"\n'
 */
export function auditLine(kind: AuditKind, text: string): string {
  return `${kind}\t${JSON.stringify(text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text)}\n`;
}

/** The records of one file, in order; a torn last line (a worker killed mid-write) is skipped. */
export function parseAuditLines(content: string): { kind: AuditKind; text: string }[] {
  const records: { kind: AuditKind; text: string }[] = [];
  for (const line of content.split('\n')) {
    const tab = line.indexOf('\t');
    const kind = line.slice(0, tab);
    if (tab < 0 || (kind !== 'reply' && kind !== 'log' && kind !== 'secret')) continue;
    try {
      records.push({ kind, text: JSON.parse(line.slice(tab + 1)) as string });
    } catch {
      continue;
    }
  }
  return records;
}
