import type { Hono } from 'hono';
import type { ProxyConfig } from './config';
import { createApp } from './create-app';
import { openResponseStore, type ResponseStore } from './response-store';
import { loadSurveyCatalog, type SurveyCatalog } from './survey-catalog';
import { createWidgetScriptReader } from './widget-script';

export interface WiredApp {
  app: Hono;
  store: ResponseStore;
  catalog: SurveyCatalog;
  /** False when the widget script is not built yet; it is served as soon as it exists. */
  scriptBuilt: boolean;
}

/**
 * Builds the proxy from its settings: opens the store, loads the survey
 * files and reads the built widget beside it. `main.ts` binds the result to a
 * port; the end-to-end harness uses it too, so tests run the app as shipped.
 */
export function wireApp(config: Omit<ProxyConfig, 'port' | 'host'>, log: (message: string) => void = console.error): WiredApp {
  const store = openResponseStore(config.databasePath);
  const catalog = loadSurveyCatalog(config.surveysDir, log);
  const readWidgetScript = createWidgetScriptReader(config.widgetScriptPath);
  // The stylesheet is built next to the script (dist/survey_widget.css).
  const readWidgetStyles = createWidgetScriptReader(config.widgetScriptPath.replace(/\.js$/, '.css'));
  const app = createApp({ catalog, store, allowedOrigins: config.allowedOrigins, readWidgetScript, readWidgetStyles, demoDir: config.demoDir, log });
  return { app, store, catalog, scriptBuilt: readWidgetScript() !== undefined };
}
