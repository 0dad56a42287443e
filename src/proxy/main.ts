import { serve } from '@hono/node-server';
import { readConfig } from './config';
import { wireApp } from './wire-app';

/** Starts the proxy: the one place that reads `process.env` and binds a port. */
async function main(): Promise<void> {
  const config = readConfig(process.env);
  const { app, store, catalog, scriptBuilt, workers } = await wireApp({ ...config, fallbackPublicUrl: `http://${config.host}:${config.port}` });
  if (!scriptBuilt) {
    console.error(`[survey-proxy] ${config.widgetScriptPath} is missing; run \`npm run build\` (served as soon as it exists)`);
  }
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    console.log(`Survey proxy listening on http://${config.host}:${info.port}/ (${catalog.size} surveys, database ${config.databasePath})`);
    console.log(`REST API v1 at http://${config.host}:${info.port}/api (OpenAPI: /api/openapi.json)`);
  });
  workers.start();
  // better-sqlite3 runs each statement synchronously, so a signal never lands mid-statement.
  const stop = () => {
    server.close();
    // The jobs in hand are settled first; a send cut short would only be sent again after its lease.
    void workers
      .stop()
      .then(() => store.close())
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`[survey-proxy] could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
