import type { Hono } from 'hono';
import { hashToken } from './store/token-store';
import type { ProxyConfig } from './config';
import { createApp } from './create-app';
import { openApiDocument } from './openapi/openapi-document';
import { loadOrgSettings } from './org-settings/org-settings';
import { openStore, type Store } from './store/open-store';
import { loadSurveyCatalog, type SurveyCatalog } from './survey-catalog';
import { createWidgetScriptReader } from './widget-script';

export interface WiredApp {
  app: Hono;
  store: Store;
  catalog: SurveyCatalog;
  /** False when the widget script is not built yet; it is served as soon as it exists. */
  scriptBuilt: boolean;
}

/**
 * Builds the proxy from its settings: opens and migrates the store, loads the
 * survey files and org settings, indexes responses migrated from before the
 * v1 API, and reads the built widget beside it. `main.ts` binds the result to
 * a port; the end-to-end harness uses it too, so tests run the app as shipped.
 */
export async function wireApp(config: Omit<ProxyConfig, 'port' | 'host'>, log: (message: string) => void = console.error): Promise<WiredApp> {
  const store = await openStore(config.databasePath);
  const catalog = loadSurveyCatalog(config.surveysDir, log);
  const orgSettings = loadOrgSettings(config.surveysDir, log);
  const indexed = await store.responses.indexLegacy((org, id) => catalog.byId(org, id));
  if (indexed > 0) log(`[survey-proxy] indexed ${indexed} responses stored before the v1 API (ratings, links, filters)`);
  const readWidgetScript = createWidgetScriptReader(config.widgetScriptPath);
  // The stylesheet is built next to the script (dist/survey_widget.css).
  const readWidgetStyles = createWidgetScriptReader(config.widgetScriptPath.replace(/\.js$/, '.css'));
  // Tokens from the environment are hashed at once, like the database's; the plain text goes no further.
  const envTokens = new Map(config.apiTokens.map(({ org, token }) => [hashToken(token), org]));
  const tokenLookup = async (token: string) => envTokens.get(hashToken(token)) ?? store.tokens.orgOf(token);
  const app = createApp({
    catalog,
    store,
    orgSettings,
    tokenLookup,
    openApiDocument,
    allowedOrigins: config.allowedOrigins,
    readWidgetScript,
    readWidgetStyles,
    demoDir: config.demoDir,
    log,
  });
  return { app, store, catalog, scriptBuilt: readWidgetScript() !== undefined };
}
