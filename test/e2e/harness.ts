/**
 * The end-to-end harness: the real proxy app on a random loopback port, with
 * a temporary database, a temporary copy of the demo surveys and a temporary
 * demo dir the tests write their host pages into, so every page is served
 * by the proxy itself, same origin as the widget script and the API.
 * Chromium (Debian's, never a downloaded one) is launched once per file.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, type HttpBindings } from '@hono/node-server';
import Database from 'better-sqlite3';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { RateLimitConfig } from '../../src/proxy/config';
import { wireApp } from '../../src/proxy/wire-app';
import { storedResponse, type ResponseRow } from '../../src/proxy/store/response-rows';
import type { StoredResponse } from '../../src/shared/response-schema';
import type { SurveyInput } from '../../src/shared/survey-schema';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const WIDGET_SCRIPT = join(REPO, 'dist/survey_widget.js');
/** Built next to the script by `npm run build` (not by `vite build` alone); the widget fetches it. */
const WIDGET_STYLES = join(REPO, 'dist/survey_widget.css');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
/** Debian's Chromium with the flags this machine needs; never a downloaded browser. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 30_000 });
}

/** The API token for org `acme` in every end-to-end proxy. */
export const E2E_API_TOKEN = 'e2e-acme-token';

/** Every wait is bounded; a widget that needs longer than this on loopback is broken. */
export const WAIT_MS = 10_000;

export interface RunningProxy {
  /** `http://127.0.0.1:{port}` */
  origin: string;
  /** Writes `html` to `{name}.html` in the served demo dir and returns its URL; `headers` go with it (a CSP, say). */
  addPage(name: string, html: string, headers?: Record<string, string>): string;
  /** Writes any file (a script, say) into the served demo dir; returns its URL. */
  addFile(file: string, content: string): string;
  /**
   * Switches the proxy's response endpoint off and on: while `down`, every
   * `POST /v1/responses` connection is reset before the proxy reads it, as
   * if the proxy were unreachable. Done at the server, not by intercepting in
   * the browser, because keepalive requests sent as a page unloads leave the
   * page's reach (and its interception) behind.
   */
  setResponsesDown(down: boolean): void;
  /** Stored responses, oldest first, JSON columns parsed; only those answered on `pageUrl` when given. */
  rows(pageUrl?: string): StoredResponse[];
  close(): Promise<void>;
}

export interface ProxyOptions {
  /** Extra surveys for org `acme`, by survey code, written next to the demo ones. */
  surveys?: Record<string, SurveyInput>;
  /** The abuse limits; default the shipped ones. Load tests (bursts from one address) pass RATE_LIMITS_OFF. */
  rateLimits?: RateLimitConfig;
  /** Keys merged into acme's `_org.json` (its `signed_params`, say). */
  orgSettings?: Record<string, unknown>;
  /** The environment the proxy reads secrets from by name (signing keys, say); default none. */
  secrets?: Record<string, string>;
}

/** Starts the real proxy app, wired by `wireApp` as `main.ts` does, on 127.0.0.1 and a free port. */
export async function startProxy(options: ProxyOptions = {}): Promise<RunningProxy> {
  for (const file of [WIDGET_SCRIPT, WIDGET_STYLES]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'survey-e2e-'));
  const surveysDir = join(dir, 'surveys');
  const demoDir = join(dir, 'demo');
  const databasePath = join(dir, 'responses.sqlite');
  cpSync(join(REPO, 'demo/surveys'), surveysDir, { recursive: true });
  // The demo org relays to the Critizr fake `npm start` runs; here no worker runs and its token is
  // unset (which the proxy reports), so acme keeps the proxy's own channel, as before the relay.
  rmSync(join(surveysDir, 'acme/_relay.json'), { force: true });
  for (const [code, survey] of Object.entries(options.surveys ?? {})) {
    writeFileSync(join(surveysDir, 'acme', `${code}.json`), JSON.stringify(survey));
  }
  if (options.orgSettings) {
    const orgFile = join(surveysDir, 'acme', '_org.json');
    writeFileSync(orgFile, JSON.stringify({ ...(JSON.parse(readFileSync(orgFile, 'utf8')) as object), ...options.orgSettings }));
  }
  mkdirSync(demoDir);

  const problems: string[] = [];
  // Wired exactly as main.ts wires it; problems (a refused survey file, an internal error) fail the run.
  const { app, store } = await wireApp(
    { surveysDir, databasePath, demoDir, allowedOrigins: [], widgetScriptPath: WIDGET_SCRIPT, dashboardDir: join(REPO, 'dist/dashboard'), apiTokens: [{ org: 'acme', token: E2E_API_TOKEN }], rateLimits: options.rateLimits, secrets: (name) => options.secrets?.[name] },
    (message) => problems.push(message),
  );
  if (problems.length) throw new Error(`test surveys were refused:\n${problems.join('\n')}`);
  let responsesDown = false;
  const pageHeaders = new Map<string, Record<string, string>>();
  const server = serve({
    fetch: (request, env) => {
      if (responsesDown && request.method === 'POST' && new URL(request.url).pathname === '/v1/responses') {
        (env as HttpBindings).incoming.socket.destroy();
        return new Response(null, { status: 503 });
      }
      const extra = pageHeaders.get(new URL(request.url).pathname);
      if (!extra) return app.fetch(request, env);
      return Promise.resolve(app.fetch(request, env)).then((res) => {
        const headers = new Headers(res.headers);
        for (const [name, value] of Object.entries(extra)) headers.set(name, value);
        return new Response(res.body, { status: res.status, headers });
      });
    },
    port: 0,
    hostname: '127.0.0.1',
  });
  await new Promise<void>((resolve, reject) => {
    if (server.listening) resolve();
    server.once('listening', () => resolve()).once('error', reject);
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    addPage(name, html, headers) {
      writeFileSync(join(demoDir, `${name}.html`), html);
      if (headers) pageHeaders.set(`/${name}.html`, headers);
      return `${origin}/${name}.html`;
    },
    addFile(file, content) {
      writeFileSync(join(demoDir, file), content);
      return `${origin}/${file}`;
    },
    setResponsesDown: (down) => void (responsesDown = down),
    rows: (pageUrl) => readRows(databasePath).filter((r) => pageUrl === undefined || r.page_url === pageUrl),
    async close() {
      if ('closeAllConnections' in server) server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await store.close();
      rmSync(dir, { recursive: true, force: true });
      // An internal error the page never saw is still a failure worth seeing.
      if (problems.length) throw new Error(`the proxy logged:\n${problems.join('\n')}`);
    },
  };
}

/** Reads the responses table as a separate, read-only connection: what is really on disk. */
export function readRows(databasePath: string): StoredResponse[] {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('SELECT * FROM responses ORDER BY id').all() as ResponseRow[];
    return rows.map(storedResponse);
  } finally {
    db.close();
  }
}

export interface OpenedPage {
  page: Page;
  url: string;
  /** Console lines the widget wrote (they start with `[survey-widget]`) of one type. */
  widgetLog(type: 'error' | 'warning'): string[];
  /** Uncaught exceptions on the page. */
  pageErrors: Error[];
  /** How many `POST /v1/responses` the page has started. */
  responsePosts(): number;
}

export interface E2E {
  readonly proxy: RunningProxy;
  /** Serves `html` as `{name}.html`, opens it in a fresh context and waits for its load event. */
  open(name: string, html: string, context?: BrowserContextOptions): Promise<OpenedPage>;
  /** A fresh browser context (closed after the test): its tabs share storage and Web Locks, like one visitor's. */
  context(options?: BrowserContextOptions): Promise<BrowserContext>;
}

/**
 * Registers the hooks of one test file: proxy and Chromium before all tests,
 * each test's browser contexts closed after it, everything stopped at the end.
 */
export function setUpE2E(options: ProxyOptions = {}): E2E {
  let proxy: RunningProxy | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    proxy = await startProxy(options);
    browser = await launchChromium();
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });
  afterAll(async () => {
    await browser?.close();
    await proxy?.close();
  });

  async function newContext(options: BrowserContextOptions = {}): Promise<BrowserContext> {
    if (!browser) throw new Error('the browser is not running: open pages inside a test');
    // Reduced motion turns off the widget's entrance animation, so boxes and screenshots are final.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce', ...options });
    contexts.push(context);
    context.setDefaultTimeout(WAIT_MS);
    return context;
  }

  return {
    get proxy() {
      if (!proxy) throw new Error('the proxy is not running: use it inside a test');
      return proxy;
    },
    context: newContext,
    async open(name, html, contextOptions = {}) {
      if (!proxy) throw new Error('the proxy is not running: open pages inside a test');
      const context = await newContext(contextOptions);
      const page = await context.newPage();
      const lines: { type: string; text: string }[] = [];
      const pageErrors: Error[] = [];
      let posts = 0;
      page.on('console', (message) => lines.push({ type: message.type(), text: message.text() }));
      page.on('pageerror', (error) => pageErrors.push(error));
      page.on('request', (request) => {
        if (request.method() === 'POST' && new URL(request.url()).pathname === '/v1/responses') posts += 1;
      });
      const url = proxy.addPage(name, html);
      await page.goto(url);
      return {
        page, url, pageErrors,
        widgetLog: (type) => lines.filter((l) => l.type === type && l.text.startsWith('[survey-widget]')).map((l) => l.text),
        responsePosts: () => posts,
      };
    },
  };
}
