/**
 * The database unreachable (PostgreSQL restarting, failing over, a network
 * cut): a response is refused with a 503 and Retry-After, which the widget's
 * outbox retries, never a 500; /readyz takes the instance out of rotation.
 */
import { describe, expect, it } from 'vitest';
import { openPostgres } from '../../src/proxy/store/open-postgres';
import { createStore } from '../../src/proxy/store/open-store';
import { freePort } from '../../scripts/net/free-port';
import { postResponse, testApp, validPayload } from './fixtures';

/** A store whose PostgreSQL refuses every connection: nothing listens on the port. */
async function unreachableStore() {
  return createStore(await openPostgres(`postgres://postgres@127.0.0.1:${await freePort()}/postgres`, { poolSize: 2 }));
}

describe('with the database unreachable', () => {
  it('answers a response with 503 and Retry-After, so the widget tries again, and logs no internal error', async () => {
    const { app, logged } = await testApp({ store: await unreachableStore() });
    const res = await postResponse(app, validPayload());
    expect(res.status).toBe(503);
    expect(res.headers.get('Retry-After')).toBe('1');
    expect(await res.json()).toEqual({ message: 'The store is busy; retry shortly' });
    expect(logged.join('\n')).not.toContain('internal error');
  });

  it('is not ready, but alive', async () => {
    const { app } = await testApp({ store: await unreachableStore() });
    expect((await app.request('/readyz')).status).toBe(503);
    expect((await app.request('/healthz')).status).toBe(200);
  });
});
