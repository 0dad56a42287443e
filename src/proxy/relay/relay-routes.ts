import { join } from 'node:path';
import type { SecretLookup } from '../config';
import { orgFolders, readSettingsFile } from '../org-settings/org-files';
import { createCustomerSureAdapter } from './adapters/customersure/customersure-adapter';
import { customerSureSecretEnvNames } from './adapters/customersure/customersure-settings';
import { critizrAdapter } from './adapters/critizr/critizr-adapter';
import { critizrSecretEnvNames } from './adapters/critizr/critizr-settings';
import { customerRadarAdapter } from './adapters/customer-radar/customer-radar-adapter';
import { customerRadarSecretEnvNames } from './adapters/customer-radar/customer-radar-settings';
import { etrustedAdapter } from './adapters/etrusted/etrusted-adapter';
import { etrustedSecretEnvNames } from './adapters/etrusted/etrusted-settings';
import { createSecuratingAdapter } from './adapters/securating/securating-adapter';
import { securatingSecretEnvNames } from './adapters/securating/securating-settings';
import type { RelayAdapter } from './relay-adapter';
import { RelayFileSchema, type RelayFile, type RelayProvider } from './relay-file-schema';

/** Where one org's feedback requests go: a system with its adapter, settings and secrets, or the proxy's own channel. */
export type RelayRoute =
  | { provider: 'proxy' }
  | {
      provider: Exclude<RelayProvider, 'proxy'>;
      adapter: RelayAdapter<any, any>;
      settings: Exclude<RelayFile, { provider: 'proxy' }>;
      /** The secrets' values, or the names of the environment variables that are not set. */
      secrets: { ok: true; values: Record<string, string> } | { ok: false; missing: string[] };
    };

export interface RelayRoutes {
  forOrg(org: string): RelayRoute;
}

type SystemFile = Exclude<RelayFile, { provider: 'proxy' }>;

/** Each system's adapter (on the given clock) and which environment variable holds which secret. */
function system(file: SystemFile, now: () => number): { adapter: RelayAdapter<any, any>; envNames: Record<string, string> } {
  switch (file.provider) {
    case 'customersure':
      return { adapter: createCustomerSureAdapter(now), envNames: customerSureSecretEnvNames(file) };
    case 'critizr':
      return { adapter: critizrAdapter, envNames: critizrSecretEnvNames(file) };
    case 'customer-radar':
      return { adapter: customerRadarAdapter, envNames: customerRadarSecretEnvNames(file) };
    case 'securating':
      return { adapter: createSecuratingAdapter(now), envNames: securatingSecretEnvNames(file) };
    case 'etrusted':
      return { adapter: etrustedAdapter, envNames: etrustedSecretEnvNames(file) };
  }
}

/**
 * The route for a parsed relay file: its adapter, and its secrets read by
 * name. A missing secret is reported by the variable's name only; the
 * requests wait (and retry) rather than fail, so setting it and restarting
 * loses nothing.
 *
 * @example
 * relayRoute(RelayFileSchema.parse(json), (name) => env[name], Date.now)
 */
export function relayRoute(file: RelayFile, secrets: SecretLookup, now: () => number): RelayRoute {
  if (file.provider === 'proxy') return { provider: 'proxy' };
  const { adapter, envNames } = system(file, now);
  const values: Record<string, string> = {};
  const missing: string[] = [];
  for (const [key, name] of Object.entries(envNames)) {
    const value = secrets(name);
    if (value === undefined) missing.push(name);
    else values[key] = value;
  }
  return { provider: file.provider, adapter, settings: file, secrets: missing.length ? { ok: false, missing } : { ok: true, values } };
}

/** Routes from a fixed table (tests); orgs not in it use the proxy's own channel. */
export function createRelayRoutes(routes: Record<string, RelayRoute>): RelayRoutes {
  return { forOrg: (org) => (Object.hasOwn(routes, org) ? routes[org]! : { provider: 'proxy' }) };
}

/**
 * Reads each org's `_relay.json` once, at start. A broken file is reported
 * (each problem, never a secret: the file holds none) and the org then uses
 * the proxy's own channel, so its requests are kept and their links work.
 */
export function loadRelayRoutes(dir: string, secrets: SecretLookup, log: (message: string) => void, now: () => number = Date.now): RelayRoutes {
  const routes: Record<string, RelayRoute> = {};
  for (const org of orgFolders(dir)) {
    const file = readSettingsFile(join(dir, org, '_relay.json'), RelayFileSchema, log);
    if (!file) continue;
    const route = relayRoute(file, secrets, now);
    if ('secrets' in route && !route.secrets.ok) {
      log(`[survey-proxy] ${org} relays to ${route.provider}, but ${route.secrets.missing.join(', ')} ${route.secrets.missing.length > 1 ? 'are' : 'is'} not set: its requests wait until it is`);
    }
    routes[org] = route;
  }
  return createRelayRoutes(routes);
}
