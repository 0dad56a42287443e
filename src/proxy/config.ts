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
  allowedOrigins: AllowedOrigins;
  widgetScriptPath: string;
  demoDir: string;
  /** API tokens from `API_TOKENS=acme:tok1,beta:tok2`, for deployments and tests; the CLI's live in the database. */
  apiTokens: readonly ApiToken[];
}

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
    allowedOrigins: readOrigins(value(env, 'ALLOWED_ORIGINS')),
    widgetScriptPath: path('WIDGET_SCRIPT_PATH', 'dist/survey_widget.js'),
    demoDir: path('DEMO_DIR', 'demo'),
    apiTokens: readApiTokens(value(env, 'API_TOKENS')),
  };
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
  let parsed: URL | undefined;
  try {
    parsed = new URL(origin);
  } catch {
    parsed = undefined;
  }
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
