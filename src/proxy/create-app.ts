import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AllowedOrigins } from './config';
import { cors } from './cors';
import type { RateLimitConfig } from './config';
import { originGuard } from './origin-guard';
import { appLimits } from './rate-limit/app-limits';
import type { ClientAddress } from './rate-limit/client-address';
import type { RateCounter } from './rate-limit/rate-counter';
import { errorResponse, jsonResponse } from './json-response';
import { postResponse } from './post-response';
import { limitBody } from './limit-body';
import { requireJson } from './require-json';
import { createApi } from './api/create-api';
import type { TokenLookup } from './api/middleware/require-token';
import type { OrgSettings } from './org-settings/org-settings';
import { createOrgSettings } from './org-settings/org-settings';
import { NO_SIGNING } from './signing/signing-keys';
import type { Store } from './store/open-store';
import { isTransientStoreError, isUnstorableText } from './store/dialect';
import { fieldError, validationBody } from './validation-error';
import { serveDemo } from './serve-demo';
import { securityHeaders } from './security-headers';
import { securatingCallback } from './callbacks/securating-callback';
import { hostedRoutes } from './hosted/hosted-routes';
import { dashboardRoutes } from './dashboard/dashboard-routes';
import { healthRoutes } from './health-routes';
import type { RelayRoutes } from './relay/relay-routes';
import type { SurveyCatalog } from './survey-catalog';
import { SURVEY_SCHEMA_PATH, surveyJsonSchema } from './survey-json-schema';
import { resolveLocale } from '../shared/i18n/resolve-locale';
import { stringsFor } from '../shared/i18n/catalog';
import { HASHED_WIDGET_FILE_PATH, WIDGET_MANIFEST_PATH, widgetFileRoutes, type WidgetFileSource } from './widget-files/widget-file-routes';

export interface AppDeps {
  catalog: SurveyCatalog;
  store: Store;
  /** Per-org time zone and templates; default: none, every org in UTC. */
  orgSettings?: OrgSettings;
  /** Who an API token belongs to (the store's tokens and API_TOKENS); default: the store's only. */
  tokenLookup?: TokenLookup;
  /** The OpenAPI document served at `/api/openapi.json`. */
  openApiDocument?: () => unknown;
  allowedOrigins: AllowedOrigins;
  /** The built widget script (its text will do in tests), or undefined when it has not been built. */
  readWidgetScript: WidgetFileSource;
  /** The built widget stylesheet, fetched by the widget and adopted into its shadow root. */
  readWidgetStyles?: WidgetFileSource;
  demoDir: string;
  /** The survey files' folder: never served from the demo folder, even when it lies inside it (demo/surveys). */
  surveysDir?: string;
  now?: () => Date;
  /** Largest accepted `POST /v1/responses` body in bytes; a real response is a few KiB. Default 64 KiB. */
  maxBodyBytes?: number;
  /** Where each org's feedback requests are relayed; default: the proxy's own channel for all. */
  relayRoutes?: RelayRoutes;
  /** The proxy's public address (hosted links); default: the address each request came to. */
  publicUrl?: string;
  /** A feedback request was queued: wake the relay worker. */
  onRequestQueued?: () => void;
  /** Where internal failures are reported; never sees visitors' bad input. */
  log?: (message: string) => void;
  /** The built dashboard (`dist/dashboard`), served at `/dashboard`. */
  dashboardDir?: string;
  /** Which org a token hash belongs to (environment tokens too): a dashboard session lives only while its token does. */
  tokenHashLookup?: (tokenHash: string) => Promise<string | undefined>;
  /** How often the dashboard's live feed looks for new responses; default 1 s. */
  eventsPollMs?: number;
  /** Aborted when the proxy starts shutting down: live streams end, `/readyz` answers 503. */
  shutdown?: AbortSignal;
  /** Abuse limits (429 with RateLimit headers); default none. wireApp passes the configured ones. */
  rateLimits?: RateLimitConfig;
  /** Where the limits count; default this process's memory (wireApp passes PostgreSQL's table when instances share one). */
  rateCounter?: RateCounter;
  /** The client's address for per-address limits; default the socket's (`TRUST_PROXY=0`). */
  clientAddress?: ClientAddress;
}

/**
 * Builds the proxy as a Hono app that never listens: `main.ts` binds it to a
 * port, tests call `app.request()` in process.
 *
 * @example
 * const app = createApp({ catalog, store: await openStore(':memory:'), allowedOrigins: [], readWidgetScript: () => undefined, demoDir });
 * const res = await app.request('/v1/surveys/acme/post-purchase');
 */
export function createApp(deps: AppDeps): Hono {
  const { catalog, store, now = () => new Date(), maxBodyBytes = 64 * 1024, log = console.error } = deps;
  const app = new Hono();
  // Rollups count in the org's calendar days, so every new response is dated in its zone.
  const zoneOf = (org: string) => deps.orgSettings?.timeZone(org) ?? 'UTC';
  const limits = appLimits({ config: deps.rateLimits, counter: deps.rateCounter, clientAddress: deps.clientAddress, now, log });
  // First, so its headers reach every reply, errors and other middleware's answers included.
  app.use('*', securityHeaders({ publicUrl: deps.publicUrl }));
  app.use('/v1/*', cors(deps.allowedOrigins));
  app.route('/', healthRoutes({ ready: () => store.ready(), shutdown: deps.shutdown }));

  app.get('/v1/surveys/:org/:survey', (c) => {
    const survey = catalog.get(c.req.param('org'), c.req.param('survey'));
    if (!survey) return errorResponse(404, 'Survey not found');
    // The locale: the page's override, else the survey's own, else the page's <html lang>,
    // resolved to a supported one; its UI strings travel with the survey.
    const locale = resolveLocale(c.req.query('locale') || survey.locale || c.req.query('lang'));
    return jsonResponse({ ...survey, locale, strings: stringsFor(locale) }, 200, { 'Cache-Control': 'public, max-age=60' });
  });
  app.post(
    '/v1/responses',
    // Before the body is read: a foreign page's post, or one over the address's limit, costs nothing more.
    originGuard(deps.allowedOrigins, deps.publicUrl),
    limits.responses.perIp,
    requireJson(),
    limitBody(maxBodyBytes, () => errorResponse(413, `Payload Too Large: at most ${maxBodyBytes} bytes`)),
    postResponse({
      catalog,
      store: store.responses,
      now,
      zoneOf,
      requestByToken: async (token) => (await store.feedbackRequests.byLinkToken(token))?.row,
      signing: (org) => deps.orgSettings?.signing(org) ?? NO_SIGNING,
      admit: limits.responses.perOrg,
    }),
  );
  if (deps.openApiDocument) {
    const document = deps.openApiDocument;
    // Public, before the API's auth: the contract is no secret, and tools fetch it without a token.
    app.get('/api/openapi.json', () => jsonResponse(document(), 200, { 'Cache-Control': 'public, max-age=300' }));
  }
  const tokenLookup = deps.tokenLookup ?? ((token: string) => store.tokens.orgOf(token));
  app.route(
    '/api',
    createApi({ store, catalog, orgSettings: deps.orgSettings ?? createOrgSettings(), now, tokenLookup, relayRoutes: deps.relayRoutes, publicUrl: deps.publicUrl, onRequestQueued: deps.onRequestQueued, limits: limits.api }),
  );
  app.route('/', hostedRoutes({ store, catalog }));
  // Before the dashboard's routes, which it wraps: the sign-in answers after this counts it.
  app.post('/dashboard/api/session', limits.signIn);
  app.route(
    '/',
    dashboardRoutes({
      store,
      catalog,
      orgSettings: deps.orgSettings ?? createOrgSettings(),
      now,
      dashboardDir: deps.dashboardDir,
      publicUrl: deps.publicUrl,
      tokenHashLookup: deps.tokenHashLookup ?? ((hash) => store.tokens.orgOfHash(hash)),
      eventsPollMs: deps.eventsPollMs,
      shutdown: deps.shutdown,
      log,
    }),
  );
  app.route('/', securatingCallback({ store, catalog, now, log, zoneOf }));
  const schema = surveyJsonSchema();
  app.get(SURVEY_SCHEMA_PATH, () => jsonResponse(schema, 200, { 'Cache-Control': 'public, max-age=300' }));
  app.route('/', widgetFileRoutes({ script: deps.readWidgetScript, styles: deps.readWidgetStyles }));

  // After the real routes, so these only catch the methods those did not take.
  for (const [path, allow] of [
    ['/v1/surveys/:org/:survey', 'GET, HEAD'],
    ['/v1/responses', 'POST'],
    [SURVEY_SCHEMA_PATH, 'GET, HEAD'],
    ['/survey_widget.js', 'GET, HEAD'],
    ['/survey_widget.css', 'GET, HEAD'],
    [HASHED_WIDGET_FILE_PATH, 'GET, HEAD'],
    [WIDGET_MANIFEST_PATH, 'GET, HEAD'],
  ] as const) {
    app.all(path, () => errorResponse(405, 'Method Not Allowed', { Allow: allow }));
  }

  app.get('*', serveDemo(deps.demoDir, deps.surveysDir === undefined ? [] : [deps.surveysDir]));
  app.notFound(() => errorResponse(404, 'Not found'));
  app.onError((error) => {
    if (error instanceof HTTPException && error.status < 500) return errorResponse(error.status, error.message || 'Bad request');
    // The database could not take the write just now (locked, unreachable, restarting): nothing was
    // written; a retry after a moment succeeds.
    if (isTransientStoreError(error)) return errorResponse(503, 'The store is busy; retry shortly', { 'Retry-After': '1' });
    // PostgreSQL cannot store a NUL character in text; SQLite could, but no real answer holds one.
    if (isUnstorableText(error)) return errorResponse(422, validationBody([fieldError('body', 'invalid_value', { message: 'Text must not contain NUL characters' })]));
    log(`[survey-proxy] internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return errorResponse(500, 'Internal server error');
  });
  return app;
}
