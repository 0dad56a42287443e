import type { Server, ServerOptions } from 'node:http';
import type { AddressInfo } from 'node:net';
import { constants } from 'node:os';
import { serve } from '@hono/node-server';
import { readConfig, type ProxyConfig, type ServerLimits } from './config';
import { createGracefulShutdown, readShutdownGraceMs, type GracefulShutdown } from './graceful-shutdown';
import { wireApp } from './wire-app';

/** The proxy, listening. */
export interface StartedProxy {
  config: ProxyConfig;
  /** The port it listens on (the OS's pick when PORT=0). */
  port: number;
}

/**
 * Starts the proxy from `env`: wires the app, binds the port, starts the
 * workers, and shuts down gracefully on SIGTERM or SIGINT (a second signal
 * exits at once). Resolves once it listens. `main.ts` calls it with
 * `process.env`; `npm start`'s demo calls it after setting its own defaults.
 *
 * @example
 * const { port } = await startProxy(process.env);
 */
export async function startProxy(env: Record<string, string | undefined>): Promise<StartedProxy> {
  const config = readConfig(env);
  const graceMs = readShutdownGraceMs(env);
  // Made before the app: its live streams and /readyz watch the signal.
  const begun = new AbortController();
  const { app, store, catalog, scriptBuilt, workers } = await wireApp({ ...config, fallbackPublicUrl: `http://${config.host}:${config.port}`, shutdown: begun.signal });
  if (!scriptBuilt) {
    console.error(`[survey-proxy] ${config.widgetScriptPath} is missing; run \`npm run build\` (served as soon as it exists)`);
  }
  // No TLS or HTTP/2 options are passed, so serve() makes a node:http server.
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host, serverOptions: serverOptions(config.server) }) as Server;
  // Past this many open sockets a new one is closed at once: a flood of idle connections cannot exhaust file descriptors.
  server.maxConnections = config.server.maxConnections;
  const shutdown = createGracefulShutdown({
    server,
    begun,
    stopWorkers: () => workers.stop(),
    closeStore: () => store.close(),
    graceMs,
    log: (line) => console.log(line),
  });
  // Before the "listening" line: whoever reads it may signal at once.
  exitOnSignals(shutdown, begun.signal);
  const port = await listening(server);
  const database = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : config.databasePath;
  console.log(`Survey proxy listening on http://${config.host}:${port}/ (${catalog.size} surveys, database ${database})`);
  console.log(`REST API v1 at http://${config.host}:${port}/api (OpenAPI: /api/openapi.json); probes at /healthz and /readyz`);
  if (!begun.signal.aborted) workers.start();
  return { config, port };
}

/**
 * node:http's timeouts from the proxy's limits. Node's own defaults let a
 * request take 300 s, so one slow body held a socket for minutes; and its
 * timeouts are only checked every `connectionsCheckingInterval` (30 s by
 * default), so that is made short enough for them to fire on time. The
 * request timeout covers receiving a request, not answering it: the
 * dashboard's live feed streams for as long as it is read.
 *
 * @example
 * serverOptions({ maxConnections: 1024, headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 5_000 }).connectionsCheckingInterval // 1000
 */
export function serverOptions(limits: ServerLimits): ServerOptions {
  return {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    connectionsCheckingInterval: Math.min(1000, Math.max(10, Math.floor(limits.headersTimeoutMs / 2))),
  };
}

/** SIGTERM and SIGINT run the shutdown, then exit 0 (1 if the database did not close); a second signal exits at once. */
function exitOnSignals(shutdown: GracefulShutdown, begun: AbortSignal): void {
  const onSignal = (signal: NodeJS.Signals) => {
    if (begun.aborted) {
      console.log(`[survey-proxy] ${signal} again: exiting now, without waiting`);
      process.exit(128 + constants.signals[signal]);
    }
    void shutdown.run(signal).then((closed) => process.exit(closed ? 0 : 1));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

/** The port once the server listens; rejects on a listen error (the port taken, say). */
function listening(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.once('listening', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
