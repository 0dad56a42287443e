import { serve } from '@hono/node-server';
import { readConfig } from './config';
import { createApp } from './create-app';
import { openResponseStore } from './response-store';
import { loadSurveyCatalog } from './survey-catalog';
import { createWidgetScriptReader } from './widget-script';

/** Starts the proxy: the one place that reads `process.env` and binds a port. */
function main(): void {
  const config = readConfig(process.env);
  const store = openResponseStore(config.databasePath);
  const catalog = loadSurveyCatalog(config.surveysDir);
  const readWidgetScript = createWidgetScriptReader(config.widgetScriptPath);
  if (readWidgetScript() === undefined) {
    console.error(`[survey-proxy] ${config.widgetScriptPath} is missing; run \`npm run build\` (served as soon as it exists)`);
  }
  // The stylesheet is built next to the script (dist/survey_widget.css).
  const readWidgetStyles = createWidgetScriptReader(config.widgetScriptPath.replace(/\.js$/, '.css'));
  const app = createApp({ catalog, store, allowedOrigins: config.allowedOrigins, readWidgetScript, readWidgetStyles, demoDir: config.demoDir });
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
