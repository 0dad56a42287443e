/**
 * Fills an empty demo org over HTTP, through the same paths a merchant's
 * integration and its visitors' widgets use (no SQL), so the dashboard has
 * something to show on a fresh `npm start`.
 */
import { demoDataset, type DemoDatasetOptions } from './demo-data';

export interface SeedDemoOptions {
  /** The proxy, e.g. `http://127.0.0.1:8787`. */
  origin: string;
  /** An API token of org acme. */
  token: string;
  /** The dataset's "now"; default, the current time. */
  now?: Date;
  /** Where the one summary line goes; default console.log. */
  log?: (line: string) => void;
  /** The HTTP client; tests pass one that calls `app.request`. */
  fetch?: typeof fetch;
  /** How many responses over how many days, and the seed; the demo's defaults otherwise. */
  dataset?: DemoDatasetOptions;
}

export interface SeedResult {
  /** False when the org already had responses, and nothing was sent. */
  seeded: boolean;
  /** How many responses were posted, or how many the org already had. */
  responses: number;
}

/** Responses in flight at once: a few seconds for 1,200 on a laptop, without starving the proxy's other callers. */
const CONCURRENCY = 8;

/**
 * Seeds org acme with `demoDataset(now)` unless it has a response already:
 * sites and staff (a code already taken is left as it is), the responses to
 * `/v1/responses`, then the invitations to `/api/feedback_requests`. Throws,
 * with the proxy's answer, on the first refusal.
 *
 * @example
 * await seedDemo({ origin: 'http://127.0.0.1:8787', token });
 * // [demo] seeded 1,200 responses, 4 sites, 6 staff and 40 invitations for org acme in 3.1 s
 */
export async function seedDemo({ origin, token, now = new Date(), log = console.log, fetch: send = fetch, dataset: options }: SeedDemoOptions): Promise<SeedResult> {
  const started = Date.now();
  const api = apiClient(origin, token, send);
  const existing = Number((await api('GET', '/api/feedback_responses?per_page=1', undefined, [200])).headers.get('X-Total-Count') ?? 0);
  if (existing > 0) return { seeded: false, responses: existing };

  const data = demoDataset(now, options);
  for (const site of data.sites) await api('POST', '/api/sites', site, [201], true);
  for (const person of data.staff) await api('POST', '/api/staff', person, [201], true);
  let next = 0;
  let refused = false;
  const postResponses = async () => {
    while (!refused && next < data.responses.length) {
      const body = data.responses[next++];
      // Like a widget, with no token. 200 means the proxy already holds this very response: no harm done.
      await call(send, 'POST', `${origin}/v1/responses`, { 'Content-Type': 'application/json' }, body, [201, 200]).catch((error: unknown) => {
        // The other lanes stop too: the first refusal is the one worth reading.
        refused = true;
        throw error;
      });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, postResponses));
  for (const request of data.feedbackRequests) await api('POST', '/api/feedback_requests', request, [201]);

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  log(
    `[demo] seeded ${data.responses.length.toLocaleString('en-GB')} responses, ${data.sites.length} sites, ${data.staff.length} staff ` +
      `and ${data.feedbackRequests.length} invitations for org acme in ${seconds} s`,
  );
  return { seeded: true, responses: data.responses.length };
}

type Api = (method: string, path: string, body: unknown, expected: number[], skipTaken?: boolean) => Promise<Response>;

/** The v1 API's three headers on every call; `skipTaken` lets a 422 "already in use" through (a site or person made by hand stays as it is). */
function apiClient(origin: string, token: string, send: typeof fetch): Api {
  const headers = { Accept: 'application/vnd.customersure.v1+json', 'User-Agent': 'survey-widget-demo', Authorization: `Token token="${token}"` };
  return (method, path, body, expected, skipTaken = false) =>
    call(send, method, `${origin}${path}`, body === undefined ? headers : { ...headers, 'Content-Type': 'application/json' }, body, expected, skipTaken);
}

async function call(send: typeof fetch, method: string, url: string, headers: Record<string, string>, body: unknown, expected: number[], skipTaken = false): Promise<Response> {
  const res = await send(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  // Read to the end either way, so the connection is free for the next call.
  const text = await res.text();
  if (expected.includes(res.status)) return res;
  if (skipTaken && res.status === 422 && text.includes('already in use')) return res;
  throw new Error(`${method} ${new URL(url).pathname} answered ${res.status}: ${text}`);
}
