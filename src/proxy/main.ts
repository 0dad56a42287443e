import { serve } from '@hono/node-server';
import { readConfig } from './config';
import { wireApp } from './wire-app';

/** Starts the proxy: the one place that reads `process.env` and binds a port. */
function main(): void {
  const config = readConfig(process.env);
  const { app, store, catalog, scriptBuilt } = wireApp(config);
  if (!scriptBuilt) {
    console.error(`[survey-proxy] ${config.widgetScriptPath} is missing; run \`npm run build\` (served as soon as it exists)`);
  }
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    console.log(`Survey proxy listening on http://${config.host}:${info.port}/ (${catalog.size} surveys, database ${config.databasePath})`);
  });
  // SQLite calls are synchronous, so a signal never lands mid-insert: closing here is clean.
  const stop = () => {
    server.close();
    store.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main();
