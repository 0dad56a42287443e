/** Feeds bytes read from a keep-alive HTTP/1.1 connection; reports each complete response's status. */
export interface ResponseParser {
  feed(chunk: Buffer): void;
}

const HEAD_END = Buffer.from('\r\n\r\n');
const CRLF = Buffer.from('\r\n');

type Phase = 'head' | 'body' | 'chunk-size' | 'chunk-data' | 'trailer';

/**
 * A response parser just large enough for a load generator: the status line,
 * then a body framed by Content-Length or chunked encoding, skipped unread.
 * node:http's own client costs several times more CPU per request, and on a
 * shared two-core machine the generator's CPU is the server's loss. Throws on
 * bytes that are not HTTP, so the caller can drop the connection.
 *
 * @example
 * const parser = createResponseParser((status) => console.log(status));
 * parser.feed(Buffer.from('HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\n{}')); // logs 201
 */
export function createResponseParser(onResponse: (status: number) => void): ResponseParser {
  let pending: Buffer = Buffer.alloc(0);
  let phase: Phase = 'head';
  let status = 0;
  let remaining = 0;

  /** Consumes what it can from `pending`; false when it needs more bytes. */
  function step(): boolean {
    switch (phase) {
      case 'head': {
        const end = pending.indexOf(HEAD_END);
        if (end < 0) return false;
        const head = parseHead(pending.toString('latin1', 0, end));
        pending = pending.subarray(end + HEAD_END.length);
        status = head.status;
        remaining = head.length;
        phase = head.chunked ? 'chunk-size' : 'body';
        return true;
      }
      case 'body':
      case 'chunk-data': {
        const take = Math.min(remaining, pending.length);
        pending = pending.subarray(take);
        remaining -= take;
        if (remaining > 0) return false;
        if (phase === 'body') finish();
        else phase = 'chunk-size';
        return true;
      }
      case 'chunk-size': {
        const end = pending.indexOf(CRLF);
        if (end < 0) return false;
        const size = Number.parseInt(pending.toString('latin1', 0, end), 16);
        if (!Number.isFinite(size) || size < 0) throw new Error('malformed chunk size');
        pending = pending.subarray(end + CRLF.length);
        // Each chunk's data is followed by a CRLF of its own.
        remaining = size + CRLF.length;
        phase = size === 0 ? 'trailer' : 'chunk-data';
        return true;
      }
      case 'trailer': {
        const end = pending.indexOf(CRLF);
        if (end < 0) return false;
        pending = pending.subarray(end + CRLF.length);
        // The empty line ends the (usually empty) trailer section.
        if (end === 0) finish();
        return true;
      }
    }
  }

  function finish(): void {
    phase = 'head';
    onResponse(status);
  }

  return {
    feed(chunk) {
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      while (step());
    },
  };
}

function parseHead(head: string): { status: number; length: number; chunked: boolean } {
  const lines = head.split('\r\n');
  const match = /^HTTP\/1\.[01] (\d{3})/.exec(lines[0] ?? '');
  if (!match) throw new Error(`not an HTTP response: ${JSON.stringify((lines[0] ?? '').slice(0, 40))}`);
  let length = 0;
  let chunked = false;
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim().toLowerCase();
    if (name === 'content-length') length = Number(value);
    else if (name === 'transfer-encoding') chunked = value.split(',').some((coding) => coding.trim() === 'chunked');
  }
  if (!Number.isSafeInteger(length) || length < 0) throw new Error('malformed Content-Length');
  return { status: Number(match[1]), length, chunked };
}
