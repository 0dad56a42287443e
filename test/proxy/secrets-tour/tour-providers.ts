import { CANARY_SECRETS } from '../../support/canary-secrets';

/** A login's token as the hostile provider issues it once the failures are at the send: a secret of the session. */
export const SESSION_TOKEN = 'hostile-session-token-5e1a9c3f7b20d846';

/** One relay system as the tour configures it: its relay file, the environment holding its canaries, its login. */
export interface TourProvider {
  name: string;
  /** The org's `_relay.json`, pointed at the hostile provider. */
  relayFile(baseUrl: string): Record<string, unknown>;
  /** The environment the relay file's `*_env` names are read from: every value a canary. */
  env: Record<string, string>;
  /** The login step, answered properly while the failures are at the send. */
  login?: { path: string; reply: () => Response };
  /** What a feedback request needs beyond email, survey and template to pass the system's rules. */
  requestExtra?: Record<string, unknown>;
  /** How far behind the worker's clock the adapter's runs (see CustomerSure's). */
  adapterLagMs?: number;
}

const C = CANARY_SECRETS;

export const TOUR_PROVIDERS: readonly TourProvider[] = [
  {
    name: 'Critizr',
    relayFile: (base) => ({ provider: 'critizr', base_url: base, email_sender: 'Acme <feedback@acme.example>', place: '4242', survey: '1337', token_env: 'ACME_CRITIZR_TOKEN' }),
    env: { ACME_CRITIZR_TOKEN: C.critizrToken },
  },
  {
    name: 'Customer Radar',
    relayFile: (base) => ({
      provider: 'customer-radar',
      base_url: base,
      client_display_id: '8291a9ed952342c5',
      programmes: { '1484': '1cf118a0326d47aa' },
      sites: { newcastle: { location_display_id: '1cf118a0326d47ab' } },
      username_env: 'ACME_CR_USERNAME',
      password_env: 'ACME_CR_PASSWORD',
    }),
    env: { ACME_CR_USERNAME: C.customerRadarUsername, ACME_CR_PASSWORD: C.customerRadarPassword },
    login: { path: '/auth/login', reply: () => Response.json({ token: SESSION_TOKEN, expiration: 4_102_444_800, userName: 'acme' }) },
    requestExtra: { data: [{ key: 'site_code', value: 'newcastle' }] },
  },
  {
    name: 'CustomerSure',
    relayFile: (base) => ({ provider: 'customersure', base_url: base, company_name: 'Acme Ltd', token_env: 'CUSTOMERSURE_TOKEN' }),
    env: { CUSTOMERSURE_TOKEN: C.customerSureToken },
    // CustomerSure's rules want send_at "in the future", and the worker checks them again before each
    // call; the tour's turns run at send_at (when the other systems' requests fall due), so its
    // adapter runs two minutes behind for the calls the tour is about to be made.
    adapterLagMs: 120_000,
  },
  {
    name: 'Securating',
    relayFile: (base) => ({ provider: 'securating', base_url: base, url: 'https://acme.example/avis', profile_id: '1001', surveys: { '1484': { thematics: ['1000300'] } }, keywebsite_env: 'ACME_SECURATING_KEY' }),
    env: { ACME_SECURATING_KEY: C.securatingKey },
  },
  {
    name: 'eTrusted',
    relayFile: (base) => ({
      provider: 'etrusted',
      base_url: base,
      token_url: `${base}/oauth/token`,
      channel: { id: 'chl-2a4f6c1e-7b3d-4e59-8a10-3c5d7e9f1b20', type: 'etrusted' },
      questionnaire_template_id: 'tpl-qst-5a8b3c2d-1e4f-4a6b-9c8d-7e6f5a4b3c2d',
      email_templates: { '10': 'tpl-inv-0f1e2d3c-4b5a-4697-8877-665544332211' },
      client_id_env: 'ACME_ETRUSTED_CLIENT_ID',
      client_secret_env: 'ACME_ETRUSTED_CLIENT_SECRET',
    }),
    env: { ACME_ETRUSTED_CLIENT_ID: C.etrustedClientId, ACME_ETRUSTED_CLIENT_SECRET: C.etrustedClientSecret },
    login: { path: '/oauth/token', reply: () => Response.json({ access_token: SESSION_TOKEN, token_type: 'Bearer', expires_in: 3600 }) },
  },
];
