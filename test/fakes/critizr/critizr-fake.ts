/**
 * Contract fake of Critizr's Solicitation API (seed: `/work/shared/seeds/critizr-solicitation-api.txt`):
 * POST /v2/solicitations, POST /v2/solicitations/bulk (at most 1,000), GET /v2/solicitations[/{id}],
 * GET /v2/places, /v2/surveys and /v2/configuration, on loopback, recording calls and failing on
 * demand through `server.failNext`. The rules, each quoting the seed, live in `critizr-app.ts`,
 * `critizr-rules.ts` and `critizr-store.ts`.
 */
import { startFakeServer, type FakeServer, type FakeServerOptions, type RecordedCall } from '../fake-server';
import { createCritizrApp } from './critizr-app';
import type { CritizrContextAttribute, CritizrPlace, CritizrSurvey } from './critizr-rules';
import { createCritizrStore, type SolicitationStatus, type StoredSolicitation } from './critizr-store';

export type { CritizrContextAttribute, CritizrPlace, CritizrSurvey, SolicitationType } from './critizr-rules';
export { BULK_LIMIT } from './critizr-rules';
export { SOLICITATION_STATUSES, type SolicitationStatus, type StoredSolicitation } from './critizr-store';

/** The access token the fake accepts unless told otherwise. */
export const CRITIZR_FAKE_TOKEN = 'critizr-fake-access-token';
/** The one place the fake knows unless told otherwise. */
export const CRITIZR_FAKE_PLACE: CritizrPlace = { id: '4242', partner_id: 'SHOP-001', name: 'Demo shop' };
/** The one survey the fake knows unless told otherwise. */
export const CRITIZR_FAKE_SURVEY: CritizrSurvey = { id: '1337', name: 'After purchase' };
/**
 * The seed's example context attributes, none required: "first_name", "last_name", "phone",
 * "crm_id" and "additional_information_1" to "_n" (the fake stops at 3).
 */
export const CRITIZR_FAKE_CONTEXT_ATTRIBUTES: readonly CritizrContextAttribute[] = [
  'first_name',
  'last_name',
  'phone',
  'crm_id',
  'additional_information_1',
  'additional_information_2',
  'additional_information_3',
].map((name) => ({ name, required: false }));

export interface CritizrFakeOptions {
  /** Access tokens accepted as `Authorization: Bearer {token}` (default `[CRITIZR_FAKE_TOKEN]`). */
  tokens?: string[];
  /** Places a payload may name (default `[CRITIZR_FAKE_PLACE]`). */
  places?: CritizrPlace[];
  /** Surveys a payload may name (default `[CRITIZR_FAKE_SURVEY]`). */
  surveys?: CritizrSurvey[];
  /** The account's context attributes, as /v2/configuration lists them (default `CRITIZR_FAKE_CONTEXT_ATTRIBUTES`). */
  contextAttributes?: CritizrContextAttribute[];
  /** The clock stamping `created_at` / `updated_at`, in ms (default `Date.now`). */
  now?: () => number;
  /** The loopback server's port and reply hooks (a delay, a gate, whether each reply was written). */
  server?: FakeServerOptions;
}

export interface CritizrFake {
  /** The loopback server: `url`, `calls`, `failNext`. */
  server: FakeServer;
  /** Every solicitation accepted, oldest first (a live array). */
  readonly solicitations: readonly StoredSolicitation[];
  /** One solicitation by id, with its current status, as GET /v2/solicitations/{id} answers it. */
  solicitation(id: number): StoredSolicitation | undefined;
  /** Moves a solicitation along its lifespan (throws on an unknown id or an email-only status on an SMS). */
  setStatus(id: number, status: SolicitationStatus): StoredSolicitation;
  /** Every POST /v2/solicitations/bulk received, faulted ones included; `.length` counts them. */
  bulkCalls(): RecordedCall[];
  close(): Promise<void>;
}

/**
 * Starts the Critizr fake on 127.0.0.1 and a free port.
 *
 * @example
 * const critizr = await startCritizrFake();
 * await fetch(`${critizr.server.url}/v2/solicitations`, {
 *   method: 'POST',
 *   headers: { Authorization: `Bearer ${CRITIZR_FAKE_TOKEN}`, 'Content-Type': 'application/json' },
 *   body: JSON.stringify({ sender: 'Shop <shop@example.com>', survey: '1337', type: 'email', place: '4242', recipient: 'ann@example.com' }),
 * });
 * critizr.setStatus(1, 'Delivered');
 */
export async function startCritizrFake(options: CritizrFakeOptions = {}): Promise<CritizrFake> {
  const store = createCritizrStore(options.now ?? Date.now);
  const app = createCritizrApp({
    store,
    tokens: options.tokens ?? [CRITIZR_FAKE_TOKEN],
    catalog: {
      places: options.places ?? [CRITIZR_FAKE_PLACE],
      surveys: options.surveys ?? [CRITIZR_FAKE_SURVEY],
      contextAttributes: options.contextAttributes ?? CRITIZR_FAKE_CONTEXT_ATTRIBUTES,
    },
  });
  const server = await startFakeServer(app.fetch, options.server);
  return {
    server,
    solicitations: store.solicitations,
    solicitation: (id) => store.get(id),
    setStatus: (id, status) => store.setStatus(id, status),
    bulkCalls: () => server.calls.filter((c) => c.method === 'POST' && c.path === '/v2/solicitations/bulk'),
    close: () => server.close(),
  };
}
