/**
 * The baseline: node:http answering every request with 201 and a small JSON
 * body once it has read the request's body, and nothing else. The proxy's
 * figures next to this one show what validation, storage and fsync cost.
 * Listens on PORT at 127.0.0.1; started by start-target.ts.
 */
import { createServer } from 'node:http';

const body = JSON.stringify({ id: '00000000-0000-4000-8000-000000000000', status: 'stored' });

createServer((request, response) => {
  request.on('data', () => undefined);
  request.on('end', () => {
    response.writeHead(201, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
    response.end(body);
  });
}).listen(Number(process.env.PORT), '127.0.0.1');

process.once('SIGTERM', () => process.exit(0));
