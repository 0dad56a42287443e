import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The real curl, never a shell: arguments reach it exactly as given. */
export const CURL = process.env.CURL_PATH ?? '/usr/bin/curl';

/** What curl received. */
export interface CurlReply {
  status: number;
  /** The final response's headers, names lower-cased. */
  headers: Record<string, string>;
  /** The body as text; empty for HEAD. */
  body: string;
}

let calls = 0;

/**
 * Runs curl with `args` as given, adding only `-s -S`, a time limit, and
 * `-D`/`-o` files in `dir` to read the status, headers and body apart.
 * An example's own `-i` or `-I` also writes the headers into the body
 * file; they are the same bytes `-D` wrote, so they are cut off there.
 */
export async function runCurl(args: readonly string[], dir: string): Promise<CurlReply> {
  const n = ++calls;
  const headerFile = join(dir, `curl-${n}.headers`);
  const bodyFile = join(dir, `curl-${n}.body`);
  await run(CURL, ['-s', '-S', '--max-time', '10', '-D', headerFile, '-o', bodyFile, ...args]);
  const dumped = readFileSync(headerFile, 'utf8');
  const written = readFileSync(bodyFile, 'utf8');
  const body = written.startsWith(dumped) ? written.slice(dumped.length) : written;
  // A 100 Continue would come first; the last block is the answer.
  const block = dumped.trimEnd().split(/\r\n\r\n/).pop() ?? '';
  const [statusLine = '', ...lines] = block.split('\r\n');
  const status = Number(/^HTTP\/[\d.]+ (\d{3})/.exec(statusLine)?.[1]);
  if (!Number.isInteger(status)) throw new Error(`curl ${args.join(' ')} printed no status line:\n${dumped}`);
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status, headers, body };
}
