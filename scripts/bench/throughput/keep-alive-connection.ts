import { connect, type Socket } from 'node:net';
import { createResponseParser } from './response-parser';

/** One keep-alive HTTP/1.1 connection to loopback, one request at a time (no pipelining). */
export interface KeepAliveConnection {
  /** Sends a whole request and resolves with its response's status; rejects when the connection fails. */
  request(bytes: Buffer): Promise<number>;
  /** Drops the socket; a request still waiting is rejected. */
  close(): void;
}

/**
 * Opens (lazily, and again after the server drops it) a raw TCP connection to
 * `127.0.0.1:port`. The load generator writes ready-made request bytes and
 * only reads the status back, so its CPU goes to sending, not to parsing.
 */
export function openKeepAliveConnection(port: number): KeepAliveConnection {
  let socket: Socket | undefined;
  let waiting: { resolve: (status: number) => void; reject: (error: Error) => void } | undefined;

  const settle = (outcome: { status: number } | { error: Error }) => {
    const pending = waiting;
    waiting = undefined;
    if ('status' in outcome) pending?.resolve(outcome.status);
    else pending?.reject(outcome.error);
  };

  function open(): Socket {
    const s = connect({ host: '127.0.0.1', port });
    // Requests are written whole; Nagle would only hold the small ones back.
    s.setNoDelay(true);
    const parser = createResponseParser((status) => settle({ status }));
    s.on('data', (chunk: Buffer) => {
      try {
        parser.feed(chunk);
      } catch (error) {
        s.destroy(error as Error);
      }
    });
    const drop = (error: Error) => {
      if (socket === s) socket = undefined;
      settle({ error });
    };
    s.on('error', drop);
    s.on('close', () => drop(new Error('the server closed the connection')));
    return s;
  }

  return {
    request(bytes) {
      if (waiting) return Promise.reject(new Error('one request at a time: pipelining is off'));
      const answered = new Promise<number>((resolve, reject) => (waiting = { resolve, reject }));
      socket ??= open();
      socket.write(bytes);
      return answered;
    },
    close() {
      socket?.destroy();
      socket = undefined;
    },
  };
}
