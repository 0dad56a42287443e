import { createServer } from 'node:net';

/**
 * A loopback port free at the moment of asking, for a server started next
 * (a proxy process, PostgreSQL) that must be told its port up front, or
 * restarted at the same address.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free loopback port'))));
    });
  });
}
