import { lenientJson } from './lenient-json';
import { shellWords } from './shell-words';

/** Where the seed's examples send their requests. */
export const SEED_ORIGIN = 'https://api.customersure.com';

/** The response the seed prints under an example (`# EXAMPLE RESPONSE` or `# Response`). */
export interface SeedResponse {
  status: number;
  /** Header lines shown, names lower-cased. */
  headers: Record<string, string>;
  /** The JSON body shown, elided items dropped; undefined when the seed shows none. */
  body?: unknown;
}

/** One `curl` example of the seed, as a shell would run it. */
export interface SeedExample {
  /** 1-based line of the seed the command starts on. */
  line: number;
  /** The command as the seed prints it, continuation lines included. */
  text: string;
  /** curl's arguments, verbatim: `args[0]` is the first one after `curl`. */
  args: string[];
  /** What curl sends: `-X` wins, then `-I` (HEAD), then `-d` (POST), else GET. */
  method: string;
  /** The path and query after {@link SEED_ORIGIN}. */
  path: string;
  /** `${method} ${path}`, how tables in tests name an example. */
  key: string;
  response?: SeedResponse;
}

/**
 * Every `curl` command of the seed, in order: lines that start with `curl`
 * or `$ curl`, continued over trailing backslashes and open quotes, each
 * with the response printed right after it, if any.
 *
 * @example
 * seedExamples(seed).map((e) => e.key) // ['GET /feedback_requests?state=pending', 'HEAD /feedback_requests', …]
 */
export function seedExamples(seed: string): SeedExample[] {
  const text = seed.replace(/\r\n?/g, '\n');
  const examples: SeedExample[] = [];
  for (const match of text.matchAll(/^[ \t]*(?:\$[ \t]+)?(?=curl[ \t])/gm)) {
    const start = match.index + match[0].length;
    const { words, end } = shellWords(text, start);
    const args = words.slice(1);
    const urls = args.filter((word) => word.startsWith(SEED_ORIGIN));
    const line = text.slice(0, start).split('\n').length;
    if (urls.length !== 1) throw new Error(`the seed's curl example on line ${line} names ${urls.length} ${SEED_ORIGIN} URLs, not one`);
    const path = urls[0]!.slice(SEED_ORIGIN.length);
    const method = methodOf(args);
    examples.push({ line, text: text.slice(start, end), args, method, path, key: `${method} ${path}`, response: responseAfter(text, end) });
  }
  return examples;
}

function methodOf(args: string[]): string {
  const explicit = args.findIndex((a) => a === '-X' || a === '--request');
  if (explicit >= 0) return args[explicit + 1] ?? 'GET';
  if (args.some((a) => a === '-I' || a === '--head')) return 'HEAD';
  if (args.some((a) => a === '-d' || a.startsWith('--data'))) return 'POST';
  return 'GET';
}

/**
 * The response printed after a command: past blank lines, a `# EXAMPLE
 * RESPONSE` or `# Response` heading, a status line (`Status: 201 Created`
 * or `HTTP/1.1 401 Unauthorized`), header lines, then a JSON body if the
 * next line opens one.
 */
function responseAfter(text: string, from: number): SeedResponse | undefined {
  const heading = /^(?:[ \t]*\n)*[ \t]*#[ \t]*(?:example[ \t]+)?response[ \t]*\n/i.exec(text.slice(from));
  if (!heading) return undefined;
  let at = from + heading[0].length;
  const nextLine = () => {
    const end = text.indexOf('\n', at);
    const line = text.slice(at, end < 0 ? text.length : end);
    return { line, start: at, next: end < 0 ? text.length : end + 1 };
  };
  const statusLine = nextLine();
  const status = /^\s*(?:Status:|HTTP\/[\d.]+)\s+(\d{3})\b/.exec(statusLine.line);
  if (!status) throw new Error(`the seed's example response at "${statusLine.line}" has no status line`);
  at = statusLine.next;
  const headers: Record<string, string> = {};
  while (at < text.length) {
    const { line, start, next } = nextLine();
    if (/^\s*[[{]/.test(line)) return { status: Number(status[1]), headers, body: lenientJson(text, text.indexOf(line.trim()[0]!, start)) };
    const header = /^([A-Za-z][A-Za-z0-9-]*):\s*(.*)$/.exec(line);
    if (!header) break;
    headers[header[1]!.toLowerCase()] = header[2]!.trim();
    at = next;
  }
  return { status: Number(status[1]), headers };
}
