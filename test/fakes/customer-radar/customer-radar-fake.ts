/**
 * The contract fake of Customer Radar's invitation API
 * (/work/shared/seeds/customer-radar-invitation-api.txt): log in at `/auth/login`,
 * post `/invitation` with the token, on loopback, with faults on demand.
 */
import { startFakeServer, type FakeServer, type FakeServerOptions } from '../fake-server';
import { createCustomerRadarApp, type AcceptedInvitation, type CustomerRadarCredentials } from './customer-radar-app';
import { CUSTOMER_RADAR_EXAMPLE_DIRECTORY, type CustomerRadarClient } from './customer-radar-directory';
import { createTokenStore } from './customer-radar-tokens';

export type { AcceptedInvitation, CustomerRadarCredentials } from './customer-radar-app';
export { CUSTOMER_RADAR_EXAMPLE_DIRECTORY, type CustomerRadarClient } from './customer-radar-directory';
export { CUSTOMER_RADAR_CODES, NO_FEEDBACK_CODE, NO_POSTMARK_ID } from './customer-radar-replies';
export { TOKEN_LIFETIME_MS } from './customer-radar-tokens';

// The seed's "Example Body": { "username":"testing" , "password":"testing12345" }.
export const CUSTOMER_RADAR_USERNAME = 'testing';
export const CUSTOMER_RADAR_PASSWORD = 'testing12345';

export interface CustomerRadarFakeOptions {
  /** The one username and password accepted (default: the seed's example ones). */
  credentials?: CustomerRadarCredentials;
  /** What CR Support set up (default: the seed's example ids, with a Postmark ID). */
  directory?: CustomerRadarClient[];
  /** The fake's clock in ms (default `Date.now`); move it to expire tokens after 60 minutes. */
  now?: () => number;
  /** The loopback server's port and reply hooks (a delay, a gate, whether each reply was written). */
  server?: FakeServerOptions;
}

export interface CustomerRadarFake {
  /** The loopback server: `url`, `calls`, `failNext`. */
  server: FakeServer;
  /** Every invitation accepted with a 200, in order. */
  invitations: AcceptedInvitation[];
  /** How many successful logins (tokens issued) there were. */
  readonly logins: number;
  /** Expires every token issued so far, to play a 401 mid-session. */
  expireTokens(): void;
  close(): Promise<void>;
}

/**
 * Starts the fake on 127.0.0.1 and a free port.
 *
 * @example
 * const radar = await startCustomerRadarFake({ now: () => clock });
 * const res = await fetch(`${radar.server.url}/auth/login`, {
 *   method: 'POST',
 *   headers: { 'Content-Type': 'application/json' },
 *   body: JSON.stringify({ username: CUSTOMER_RADAR_USERNAME, password: CUSTOMER_RADAR_PASSWORD }),
 * });
 */
export async function startCustomerRadarFake(options: CustomerRadarFakeOptions = {}): Promise<CustomerRadarFake> {
  const now = options.now ?? Date.now;
  const tokens = createTokenStore(now);
  const invitations: AcceptedInvitation[] = [];
  const app = createCustomerRadarApp({
    credentials: options.credentials ?? { username: CUSTOMER_RADAR_USERNAME, password: CUSTOMER_RADAR_PASSWORD },
    directory: options.directory ?? CUSTOMER_RADAR_EXAMPLE_DIRECTORY,
    tokens,
    invitations,
    now,
  });
  const server = await startFakeServer(app.fetch, options.server);
  return {
    server,
    invitations,
    get logins() {
      return tokens.issued;
    },
    expireTokens: () => tokens.expireAll(),
    close: () => server.close(),
  };
}
