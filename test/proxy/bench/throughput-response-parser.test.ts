import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { openKeepAliveConnection } from '../../../scripts/bench/throughput/keep-alive-connection';
import { createResponseParser } from '../../../scripts/bench/throughput/response-parser';

function parse(...chunks: string[]): number[] {
  const statuses: number[] = [];
  const parser = createResponseParser((status) => statuses.push(status));
  for (const chunk of chunks) parser.feed(Buffer.from(chunk));
  return statuses;
}

describe('createResponseParser()', () => {
  it('reports each response on a keep-alive connection once its body is complete', () => {
    const created = 'HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\n{}';
    const busy = 'HTTP/1.1 503 Service Unavailable\r\ncontent-length: 0\r\n\r\n';
    expect(parse(created + busy + created)).toEqual([201, 503, 201]);
  });

  it('waits for bytes split anywhere, even inside the head or the body', () => {
    const statuses = parse('HTTP/1.1 20', '1 Created\r\nContent-Len', 'gth: 5\r\n\r\n{"a"', ':1}');
    expect(statuses).toEqual([201]);
    expect(parse('HTTP/1.1 201 Created\r\nContent-Length: 5\r\n\r\n{"a"')).toEqual([]);
  });

  it('skips a chunked body, chunk by chunk, to the next response', () => {
    const chunked = 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n{"a"\r\n3;ext=1\r\n:1}\r\n0\r\n\r\n';
    expect(parse(chunked, 'HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n')).toEqual([200, 201]);
  });

  it('throws on bytes that are not HTTP, so the connection is dropped', () => {
    expect(() => parse('SSH-2.0-OpenSSH\r\n\r\n')).toThrow(/not an HTTP response/);
  });
});

describe('openKeepAliveConnection() against node:http', () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  it('sends requests one after another on one socket and reads each status, chunked or not', async () => {
    const sockets = new Set<unknown>();
    let n = 0;
    server = createServer((request, response) => {
      sockets.add(request.socket);
      request.resume().on('end', () => {
        n++;
        // Every other answer without a length, which node:http sends chunked.
        if (n % 2) response.writeHead(201, { 'Content-Type': 'application/json' }).end(JSON.stringify({ n }));
        else response.writeHead(422).end('x'.repeat(70_000));
      });
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const connection = openKeepAliveConnection((server.address() as AddressInfo).port);
    const body = '{"id":1}';
    const request = Buffer.from(`POST /v1/responses HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push(await connection.request(request));
    connection.close();
    expect(statuses).toEqual([201, 422, 201, 422]);
    expect(sockets.size).toBe(1);
  });

  it('rejects the request in flight when the server drops the connection', async () => {
    server = createServer((request) => request.socket.destroy());
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const connection = openKeepAliveConnection((server.address() as AddressInfo).port);
    await expect(connection.request(Buffer.from('GET / HTTP/1.1\r\nHost: x\r\n\r\n'))).rejects.toThrow();
    connection.close();
  });
});
