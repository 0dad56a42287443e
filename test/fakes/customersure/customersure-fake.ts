/**
 * Contract fake of CustomerSure's REST API v1, feedback requests (seed:
 * `/work/shared/seeds/customersure-rest-and-widget-api.txt`): POST /feedback_requests and
 * GET /feedback_requests/:id behind the API's conventions (User-Agent, Accept, token), on
 * loopback, recording calls and failing on demand through `server.failNext`. The rules, each
 * quoting the seed, live in `customersure-app.ts` and `customersure-rules.ts`.
 */
import { startFakeServer, type FakeServer, type RecordedCall } from '../fake-server';
import { createCustomerSureApp } from './customersure-app';
import { createCustomerSureStore, type FeedbackRequestRecord, type StoredFeedbackRequest } from './customersure-store';

export type { FeedbackRequestRecord, StoredFeedbackRequest } from './customersure-store';

/** The API token the fake accepts unless told otherwise (the seed's example token). */
export const CUSTOMERSURE_FAKE_TOKEN = 'ec76c296df321768ba4cc41a445bfb6f';
/** The account's company name, the User-Agent the seed asks for ("User-Agent: Acme Ltd"). */
export const CUSTOMERSURE_FAKE_COMPANY = 'Acme Ltd';
/** The surveys the account owns unless told otherwise: the seed example's `"survey_id":1484`. */
export const CUSTOMERSURE_FAKE_SURVEYS: readonly number[] = [1484];
/** The seed example's `created_at` ("2023-08-19T16:30:14Z"): a clock before its `send_at`. */
export const CUSTOMERSURE_FAKE_NOW = Date.UTC(2023, 7, 19, 16, 30, 14);

export interface CustomerSureFakeOptions {
  /** Tokens accepted as `Authorization: Token token="…"` (default `[CUSTOMERSURE_FAKE_TOKEN]`). */
  tokens?: string[];
  /** The only User-Agent taken as valid (default `CUSTOMERSURE_FAKE_COMPANY`). */
  companyName?: string;
  /** Survey ids the account owns (default `CUSTOMERSURE_FAKE_SURVEYS`). */
  surveyIds?: number[];
  /** The clock judging "in the future" and stamping records, in ms (default `Date.now`). */
  now?: () => number;
}

export interface CustomerSureFake {
  /** The loopback server: `url`, `calls`, `failNext`. */
  server: FakeServer;
  /** Every feedback request accepted, oldest first: the body as posted and the record answered. */
  readonly requests: readonly StoredFeedbackRequest[];
  /** One record by id, as GET /feedback_requests/:id answers it. */
  request(id: number): FeedbackRequestRecord | undefined;
  /** Every POST /feedback_requests received, faulted ones included. */
  posts(): RecordedCall[];
  close(): Promise<void>;
}

/**
 * Starts the CustomerSure fake on 127.0.0.1 and a free port.
 *
 * @example
 * const cs = await startCustomerSureFake({ now: () => CUSTOMERSURE_FAKE_NOW });
 * await fetch(`${cs.server.url}/feedback_requests`, {
 *   method: 'POST',
 *   headers: {
 *     Accept: 'application/vnd.customersure.v1+json',
 *     Authorization: `Token token="${CUSTOMERSURE_FAKE_TOKEN}"`,
 *     'User-Agent': CUSTOMERSURE_FAKE_COMPANY,
 *     'Content-Type': 'application/json',
 *   },
 *   body: JSON.stringify({ email: 'john.smith@example.com', send_at: '2023-08-20T18:00:00+0100', survey_id: 1484, email_template_id: 10 }),
 * });
 */
export async function startCustomerSureFake(options: CustomerSureFakeOptions = {}): Promise<CustomerSureFake> {
  const now = options.now ?? Date.now;
  const store = createCustomerSureStore(now, 'https://acme.customersure.com/surveys/fr-');
  const app = createCustomerSureApp({
    store,
    now,
    tokens: options.tokens ?? [CUSTOMERSURE_FAKE_TOKEN],
    companyName: options.companyName ?? CUSTOMERSURE_FAKE_COMPANY,
    account: { surveyIds: options.surveyIds ?? CUSTOMERSURE_FAKE_SURVEYS },
  });
  const server = await startFakeServer(app.fetch);
  return {
    server,
    requests: store.requests,
    request: (id) => store.get(id),
    posts: () => server.calls.filter((c) => c.method === 'POST' && c.path === '/feedback_requests'),
    close: () => server.close(),
  };
}
