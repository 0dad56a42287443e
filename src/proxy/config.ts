import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Exact origins allowed to call the proxy cross-origin, or `*` for any. */
export type AllowedOrigins = '*' | readonly string[];

/** Everything the proxy reads from its environment, resolved once at startup. */
export interface ProxyConfig {
  port: number;
  host: string;
  surveysDir: string;
  databasePath: string;
  /** `DATABASE_URL=postgres://…`: PostgreSQL instead of the SQLite file, for several instances on one database. */
  databaseUrl: string | undefined;
  allowedOrigins: AllowedOrigins;
  widgetScriptPath: string;
  demoDir: string;
  /** The built dashboard, served at /dashboard. */
  dashboardDir: string;
  /** API tokens from `API_TOKENS=acme:tok1,beta:tok2`, for deployments and tests; the CLI's live in the database. */
  apiTokens: readonly ApiToken[];
  /** The proxy's address as customers and providers reach it (hosted links, webhooks back); default its listen address. */
  publicUrl: string | undefined;
  /** Reads a secret by the environment variable name a relay file gives; nothing else reads the environment. */
  secrets: SecretLookup;
  relay: RelayWorkerConfig;
  /** `TRUST_PROXY`: how many reverse proxies stand in front; 0 trusts no `X-Forwarded-For` (anyone can send one). */
  trustProxy: number;
  rateLimits: RateLimitConfig;
  server: ServerLimits;
}

/** Abuse limits: how many requests one client address or org may make per fixed window; a quota of 0 is no limit. */
export interface RateLimitConfig {
  windowSeconds: number;
  /** `POST /v1/responses` per client address, counted before the body is read. */
  responsesPerIp: number;
  /** `POST /v1/responses` per the body's org, all instances on one PostgreSQL together. */
  responsesPerOrg: number;
  /** REST API requests per client address, counted before the token check (so guessing tokens is slow too). */
  apiPerIp: number;
  /** REST API requests per token's org. */
  apiPerOrg: number;
  /** Dashboard sign-ins (`POST /dashboard/api/session`) per client address. */
  signInPerIp: number;
}

/** A widget sends one response per visitor, so 60 a minute from one address is a crowd behind one NAT, not a person. */
export const DEFAULT_RATE_LIMITS: RateLimitConfig = { windowSeconds: 60, responsesPerIp: 60, responsesPerOrg: 6000, apiPerIp: 600, apiPerOrg: 1200, signInPerIp: 10 };

/** `RATE_LIMITS=off`: no limit at all (benchmarks and load tests). */
export const RATE_LIMITS_OFF: RateLimitConfig = { windowSeconds: 60, responsesPerIp: 0, responsesPerOrg: 0, apiPerIp: 0, apiPerOrg: 0, signInPerIp: 0 };

/** What the HTTP server allows each connection, so a slow or idle client cannot hold sockets for minutes. */
export interface ServerLimits {
  maxConnections: number;
  /** A request's headers must arrive within this (slowloris). */
  headersTimeoutMs: number;
  /** A whole request, body included, must arrive within this; a streamed reply (the live feed) is not limited by it. */
  requestTimeoutMs: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeoutMs: number;
}

export const DEFAULT_SERVER_LIMITS: ServerLimits = { maxConnections: 1024, headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 5_000 };

export type SecretLookup = (name: string) => string | undefined;

/** How the relay and webhook workers run. */
export interface RelayWorkerConfig {
  /** A claimed job is the claimer's for this long; a proxy that dies mid-send frees its jobs after it. */
  leaseMs: number;
  /** How long a failing request is retried before it ends `not_sent`. */
  deadlineMs: number;
  /** Longest sleep between looks at the queue (jobs added by another process). */
  pollMs: number;
}

export const DEFAULT_RELAY_CONFIG: RelayWorkerConfig = { leaseMs: 600_000, deadlineMs: 3 * 86_400_000, pollMs: 1000 };

/** A token and the one org it may read. */
export interface ApiToken {
  org: string;
  token: string;
}

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Reads the proxy's settings from environment variables. Pure: pass
 * `process.env` in `main.ts`, a literal in tests. Throws on settings that
 * would only fail later and less clearly (a bad PORT or origin).
 *
 * @example
 * readConfig({ PORT: '8799', ALLOWED_ORIGINS: 'https://shop.example' }).port // 8799
 */
export function readConfig(env: Record<string, string | undefined>): ProxyConfig {
  const path = (name: string, fallback: string) => resolve(value(env, name) ?? resolve(REPO_ROOT, fallback));
  return {
    port: readPort(value(env, 'PORT')),
    host: value(env, 'HOST') ?? '127.0.0.1',
    surveysDir: path('SURVEYS_DIR', 'demo/surveys'),
    databasePath: path('DATABASE_PATH', 'data/responses.sqlite'),
    databaseUrl: readDatabaseUrl(value(env, 'DATABASE_URL')),
    allowedOrigins: readOrigins(value(env, 'ALLOWED_ORIGINS')),
    widgetScriptPath: path('WIDGET_SCRIPT_PATH', 'dist/survey_widget.js'),
    demoDir: path('DEMO_DIR', 'demo'),
    dashboardDir: path('DASHBOARD_DIR', 'dist/dashboard'),
    apiTokens: readApiTokens(value(env, 'API_TOKENS')),
    publicUrl: readPublicUrl(value(env, 'PUBLIC_URL')),
    secrets: (name) => value(env, name),
    relay: {
      leaseMs: readNumber(env, 'RELAY_LEASE_SECONDS', DEFAULT_RELAY_CONFIG.leaseMs / 1000, 1, 86_400) * 1000,
      deadlineMs: readNumber(env, 'RELAY_DEADLINE_HOURS', DEFAULT_RELAY_CONFIG.deadlineMs / 3_600_000, 0.001, 24 * 30) * 3_600_000,
      pollMs: readNumber(env, 'RELAY_POLL_MS', DEFAULT_RELAY_CONFIG.pollMs, 10, 60_000),
    },
    trustProxy: readInteger(env, 'TRUST_PROXY', 0, 0, 10),
    rateLimits: readRateLimits(env),
    server: readServerLimits(env),
  };
}

function readRateLimits(env: Record<string, string | undefined>): RateLimitConfig {
  const mode = value(env, 'RATE_LIMITS')?.toLowerCase();
  if (mode !== undefined && mode !== 'on' && mode !== 'off') throw new Error(`RATE_LIMITS must be on or off, got "${env.RATE_LIMITS}"`);
  const quota = (name: string, fallback: number) => readInteger(env, name, fallback, 0, 1_000_000_000);
  const limits: RateLimitConfig = {
    windowSeconds: readInteger(env, 'RATE_LIMIT_WINDOW_SECONDS', DEFAULT_RATE_LIMITS.windowSeconds, 1, 86_400),
    responsesPerIp: quota('RATE_LIMIT_RESPONSES_PER_IP', DEFAULT_RATE_LIMITS.responsesPerIp),
    responsesPerOrg: quota('RATE_LIMIT_RESPONSES_PER_ORG', DEFAULT_RATE_LIMITS.responsesPerOrg),
    apiPerIp: quota('RATE_LIMIT_API_PER_IP', DEFAULT_RATE_LIMITS.apiPerIp),
    apiPerOrg: quota('RATE_LIMIT_API_PER_ORG', DEFAULT_RATE_LIMITS.apiPerOrg),
    signInPerIp: quota('RATE_LIMIT_SIGN_IN_PER_IP', DEFAULT_RATE_LIMITS.signInPerIp),
  };
  // Every other variable is still checked, so a typo is caught before the limits are switched back on.
  return mode === 'off' ? { ...RATE_LIMITS_OFF, windowSeconds: limits.windowSeconds } : limits;
}

function readServerLimits(env: Record<string, string | undefined>): ServerLimits {
  const seconds = (name: string, fallbackMs: number) => readNumber(env, name, fallbackMs / 1000, 0.1, 3600) * 1000;
  const limits: ServerLimits = {
    maxConnections: readInteger(env, 'MAX_CONNECTIONS', DEFAULT_SERVER_LIMITS.maxConnections, 1, 1_000_000),
    headersTimeoutMs: seconds('HEADERS_TIMEOUT_SECONDS', DEFAULT_SERVER_LIMITS.headersTimeoutMs),
    requestTimeoutMs: seconds('REQUEST_TIMEOUT_SECONDS', DEFAULT_SERVER_LIMITS.requestTimeoutMs),
    keepAliveTimeoutMs: seconds('KEEP_ALIVE_TIMEOUT_SECONDS', DEFAULT_SERVER_LIMITS.keepAliveTimeoutMs),
  };
  // node:http refuses to start with headers allowed longer than the whole request.
  if (limits.headersTimeoutMs > limits.requestTimeoutMs) {
    throw new Error(`HEADERS_TIMEOUT_SECONDS (${limits.headersTimeoutMs / 1000}) must not exceed REQUEST_TIMEOUT_SECONDS (${limits.requestTimeoutMs / 1000})`);
  }
  return limits;
}

/** An empty variable counts as unset, as it does in most shells' `VAR= cmd`. */
function value(env: Record<string, string | undefined>, name: string): string | undefined {
  const raw = env[name]?.trim();
  return raw ? raw : undefined;
}

function readPort(raw: string | undefined): number {
  if (raw === undefined) return 8787;
  const port = Number(raw);
  // 0 asks the OS for a free port, which end-to-end tests rely on.
  if (!/^\d+$/.test(raw) || port > 65535) {
    throw new Error(`PORT must be an integer from 0 to 65535, got "${raw}"`);
  }
  return port;
}

function readOrigins(raw: string | undefined): AllowedOrigins {
  if (raw === undefined) return [];
  if (raw === '*') return '*';
  return raw.split(',').map((o) => o.trim()).filter(Boolean).map(checkOrigin);
}

/** Origins are compared exactly, so `https://shop.example/` (trailing slash) would never match. */
function checkOrigin(origin: string): string {
  const parsed = parseUrl(origin);
  if (!parsed || parsed.origin !== origin) {
    throw new Error(`ALLOWED_ORIGINS entries must be exact origins like https://shop.example, got "${origin}"`);
  }
  return origin;
}

/** `org:token` pairs, comma-separated. The error never repeats a token, only where it was. */
function readApiTokens(raw: string | undefined): ApiToken[] {
  if (raw === undefined) return [];
  return raw.split(',').map((pair, index) => {
    const match = /^\s*([A-Za-z0-9][A-Za-z0-9_-]{0,63}):([\x21-\x7e]{8,200})\s*$/.exec(pair);
    if (!match?.[1] || !match[2] || match[2].includes('"')) {
      throw new Error(`API_TOKENS entry ${index + 1} must be org:token (a token of 8 or more printable characters, no quotes or spaces)`);
    }
    return { org: match[1], token: match[2] };
  });
}

function readNumber(env: Record<string, string | undefined>, name: string, fallback: number, min: number, max: number): number {
  const raw = value(env, name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max) throw new Error(`${name} must be a number from ${min} to ${max}, got "${raw}"`);
  return n;
}

function readInteger(env: Record<string, string | undefined>, name: string, fallback: number, min: number, max: number): number {
  const raw = value(env, name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < min || n > max) throw new Error(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  return n;
}

function readPublicUrl(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const url = parseUrl(raw);
  if (!url || !/^https?:$/.test(url.protocol)) throw new Error(`PUBLIC_URL must be an http(s) URL such as https://feedback.shop.example, got "${raw}"`);
  return url.href.replace(/\/+$/, '');
}

/** Only PostgreSQL URLs: a typo such as `postgress://` must fail at start, not fall back to the SQLite file. */
function readDatabaseUrl(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const url = parseUrl(raw);
  // The URL may hold a password: the error names the scheme it wanted, never the value.
  if (!url || !/^postgres(ql)?:$/.test(url.protocol)) throw new Error('DATABASE_URL must be a PostgreSQL URL such as postgres://user:password@db.internal:5432/feedback');
  return raw;
}

function parseUrl(raw: string): URL | undefined {
  try {
    return new URL(raw);
  } catch {
    return undefined;
  }
}
