import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { healthRoutes } from '../../src/proxy/health-routes';
import { openSqlite } from '../../src/proxy/store/open-database';
import { openPostgres } from '../../src/proxy/store/open-postgres';
import { createStore, type Store } from '../../src/proxy/store/open-store';
import { testApp } from './fixtures';
import { BACKEND } from './test-store';

const opened: Store[] = [];
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close().catch(() => undefined);
});

/** The whole app over a fresh migrated store, as main.ts wires it. */
async function app(shutdown?: AbortSignal) {
  const wired = await testApp({ shutdown });
  opened.push(wired.store);
  return wired;
}

/** A store over a database no migration has touched: what a proxy would see pointed at a fresh, empty one. */
async function unmigratedStore(): Promise<Store> {
  const db = BACKEND === 'sqlite' ? openSqlite(':memory:') : await openPostgres(inject('postgresUrl'), { schema: `t_bare_${randomBytes(6).toString('hex')}`, poolSize: 1 });
  const store = createStore(db);
  opened.push(store);
  return store;
}

describe('GET /healthz', () => {
  it('answers 200 {"status":"ok"}, never cached', async () => {
    const res = await (await app()).app.request('/healthz');
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('still answers 200 while the proxy shuts down, so an orchestrator does not kill it mid-drain', async () => {
    const shutdown = new AbortController();
    const { app: proxy } = await app(shutdown.signal);
    shutdown.abort();
    expect((await proxy.request('/healthz')).status).toBe(200);
  });

  it('answers 200 even when the database is down: the process is alive, readiness is /readyz', async () => {
    const { app: proxy, store } = await app();
    await store.close();
    expect((await proxy.request('/healthz')).status).toBe(200);
  });
});

describe('GET /readyz', () => {
  it('answers 200 {"status":"ready"} when the database answers and is migrated, never cached', async () => {
    const res = await (await app()).app.request('/readyz');
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    expect(await res.json()).toEqual({ status: 'ready' });
  });

  it('answers 503 once the database is closed', async () => {
    const { app: proxy, store } = await app();
    await store.close();
    const res = await proxy.request('/readyz');
    expect(res.status).toBe(503);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    expect(await res.json()).toEqual({ status: 'database_unavailable' });
  });

  it('answers 503 on a database no migration has run on', async () => {
    const { app: proxy } = await testApp({ store: await unmigratedStore() });
    const res = await proxy.request('/readyz');
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: 'database_unavailable' });
  });

  it('answers 503 once shutdown begins, so a load balancer sends no more traffic here', async () => {
    const shutdown = new AbortController();
    const { app: proxy } = await app(shutdown.signal);
    expect((await proxy.request('/readyz')).status).toBe(200);
    shutdown.abort();
    const res = await proxy.request('/readyz');
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: 'shutting_down' });
  });

  it('answers 503 when the database does not answer within the probe timeout', async () => {
    const proxy = healthRoutes({ ready: () => new Promise<boolean>(() => undefined), readyTimeoutMs: 50 });
    const started = Date.now();
    const res = await proxy.request('/readyz');
    expect(res.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
