import type { Hono } from 'hono';
import { hashToken } from './store/token-store';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { DEFAULT_RATE_LIMITS, DEFAULT_RELAY_CONFIG, type ProxyConfig } from './config';
import { clientAddress } from './rate-limit/client-address';
import { loadRelayRoutes } from './relay/relay-routes';
import { RELAY_RETRY_SCHEDULE } from './relay/retry-schedule';
import { createRelayWorker } from './workers/relay-worker';
import type { WorkerLoop } from './workers/worker-loop';
import { createWebhookRender } from './workers/render-webhook';
import { createWebhookWorker } from './workers/webhook-worker';
import { createApp } from './create-app';
import { indexStats } from './index-stats';
import { openApiDocument } from './openapi/openapi-document';
import { loadOrgSettings } from './org-settings/org-settings';
import { openStore, type Store } from './store/open-store';
import { loadSurveyCatalog, type SurveyCatalog } from './survey-catalog';
import { createWidgetFileReader } from './widget-files/widget-file-reader';

export interface WiredApp {
  app: Hono;
  store: Store;
  catalog: SurveyCatalog;
  /** False when the widget script is not built yet; it is served as soon as it exists. */
  scriptBuilt: boolean;
  /** The relay and webhook workers; `main.ts` starts them and stops them before closing the store. */
  workers: Workers;
}

export interface Workers {
  relay: WorkerLoop;
  webhooks: WorkerLoop;
  start(): void;
  /** Stops claiming and waits for the jobs in hand to be settled. */
  stop(): Promise<void>;
}

/** What `wireApp` reads: the config without the listen address; the relay's parts default. */
export type WireConfig = Omit<ProxyConfig, 'port' | 'host' | 'publicUrl' | 'secrets' | 'relay' | 'dashboardDir' | 'databaseUrl' | 'trustProxy' | 'rateLimits' | 'server'> &
  Partial<Pick<ProxyConfig, 'publicUrl' | 'secrets' | 'relay' | 'dashboardDir' | 'databaseUrl' | 'trustProxy' | 'rateLimits'>> & {
    /** The public address when none is configured (main passes its listen address). */
    fallbackPublicUrl?: string;
    /** The relay's and webhooks' HTTP client; tests may wrap it. */
    fetch?: typeof fetch;
    /** Aborted when main.ts starts shutting down (live streams end, `/readyz` answers 503). */
    shutdown?: AbortSignal;
  };

/**
 * Builds the proxy from its settings: opens and migrates the store, loads the
 * survey files and org settings, indexes responses migrated from before the
 * v1 API, and reads the built widget beside it. `main.ts` binds the result to
 * a port; the end-to-end harness uses it too, so tests run the app as shipped.
 */
export async function wireApp(config: WireConfig, log: (message: string) => void = console.error): Promise<WiredApp> {
  const store = await openStore(config.databaseUrl ?? config.databasePath);
  const catalog = loadSurveyCatalog(config.surveysDir, log);
  const orgSettings = loadOrgSettings(config.surveysDir, log, config.secrets ?? (() => undefined));
  const indexed = await store.responses.indexLegacy((org, id) => catalog.byId(org, id));
  if (indexed > 0) log(`[survey-proxy] indexed ${indexed} responses stored before the v1 API (ratings, links, filters)`);
  await indexStats(store, catalog, orgSettings, log);
  const readWidgetScript = createWidgetFileReader(config.widgetScriptPath);
  // The stylesheet is built next to the script (dist/survey_widget.css), each with its .br and .gz.
  const readWidgetStyles = createWidgetFileReader(config.widgetScriptPath.replace(/\.js$/, '.css'));
  // Tokens from the environment are hashed at once, like the database's; the plain text goes no further.
  const envTokens = new Map(config.apiTokens.map(({ org, token }) => [hashToken(token), org]));
  const tokenLookup = async (token: string) => envTokens.get(hashToken(token)) ?? store.tokens.orgOf(token);
  const relayRoutes = loadRelayRoutes(config.surveysDir, config.secrets ?? (() => undefined), log);
  const relayConfig = config.relay ?? DEFAULT_RELAY_CONFIG;
  const publicUrl = config.publicUrl ?? config.fallbackPublicUrl ?? 'http://127.0.0.1:8787';
  // Unique per process, so a lease names who holds it when several proxies share a database.
  const owner = `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
  const relay = createRelayWorker({
    jobs: store.jobs,
    requests: store.feedbackRequests,
    routes: relayRoutes,
    fetch: config.fetch ?? fetch,
    now: () => new Date(),
    owner: `relay:${owner}`,
    leaseMs: relayConfig.leaseMs,
    pollMs: relayConfig.pollMs,
    schedule: { ...RELAY_RETRY_SCHEDULE, deadlineMs: relayConfig.deadlineMs },
    publicUrl,
    log,
  });
  const webhooks = createWebhookWorker({
    store,
    fetch: config.fetch ?? fetch,
    now: () => new Date(),
    render: createWebhookRender(store, catalog, publicUrl),
    owner: `webhooks:${owner}`,
    // A batch is 32 deliveries, 8 at a time, each at most 10 s: the lease outlasts the worst batch.
    leaseMs: Math.max(relayConfig.leaseMs, 120_000),
    pollMs: relayConfig.pollMs,
    log,
  });
  const loops: WorkerLoop[] = [relay, webhooks];
  const workers: Workers = {
    relay,
    webhooks,
    start: () => loops.forEach((loop) => loop.start()),
    stop: async () => void (await Promise.all(loops.map((loop) => loop.stop()))),
  };
  const app = createApp({
    relayRoutes,
    publicUrl: config.publicUrl,
    onRequestQueued: () => relay.wake(),
    catalog,
    store,
    orgSettings,
    tokenLookup,
    openApiDocument,
    allowedOrigins: config.allowedOrigins,
    readWidgetScript,
    readWidgetStyles,
    demoDir: config.demoDir,
    surveysDir: config.surveysDir,
    dashboardDir: config.dashboardDir,
    tokenHashLookup: async (hash) => envTokens.get(hash) ?? store.tokens.orgOfHash(hash),
    shutdown: config.shutdown,
    log,
    // The shipped limits unless configured; instances on one PostgreSQL count together in its table.
    rateLimits: config.rateLimits ?? DEFAULT_RATE_LIMITS,
    rateCounter: config.databaseUrl ? store.rateLimits : undefined,
    clientAddress: clientAddress(config.trustProxy ?? 0),
  });
  return { app, store, catalog, scriptBuilt: readWidgetScript() !== undefined, workers };
}
