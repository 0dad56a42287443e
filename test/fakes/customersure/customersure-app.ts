/**
 * CustomerSure's REST API v1 conventions and its feedback request routes as a Hono app: User-Agent,
 * Accept and token first, then JSON, unpermitted parameters and the pure checks of
 * `customersure-rules.ts`. Never listens (`startCustomerSureFake` binds it).
 */
import { Hono, type Context } from 'hono';
import { checkFeedbackRequest, type CustomerSureAccount } from './customersure-rules';
import type { CustomerSureStore } from './customersure-store';

export interface CustomerSureAppDeps {
  store: CustomerSureStore;
  account: CustomerSureAccount;
  /** The API tokens the fake accepts. */
  tokens: readonly string[];
  /** The account's company name: the only User-Agent the fake takes as valid. */
  companyName: string;
  now: () => number;
}

/** "We will return a JSON-formatted response body […] This response will contain a message attribute" */
function reply(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  // The seed's replies all carry "Content-Type: application/json; charset=utf-8".
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers } });
}

/**
 * "All API requests MUST include a valid User-Agent header. Requests with no User-Agent header will
 * be rejected. Please use the same company name as you use for your CustomerSure account". The
 * fake reads "valid" strictly: the account's company name, nothing else (so a client's default
 * `node` or `curl/8` is refused too).
 */
function userAgent(c: Context, companyName: string): Response | undefined {
  if ((c.req.header('user-agent') ?? '').trim() === companyName) return undefined;
  // "If you do not a User-Agent header you will receive a 403 response:"
  return reply(403, { message: 'Missing or invalid User Agent string' });
}

/**
 * "you MUST explicitly specify the version on every API request via the HTTP Accept header."
 * "Accept: application/vnd.customersure.v1+json". The seed's curl examples end it with `;`, so
 * parameters are ignored. It names no status for a missing version: the fake answers 406.
 */
function accept(c: Context): Response | undefined {
  const types = (c.req.header('accept') ?? '').split(',').map((t) => t.split(';')[0]?.trim().toLowerCase());
  if (types.includes('application/vnd.customersure.v1+json')) return undefined;
  return reply(406, { message: 'Missing or invalid Accept header: use application/vnd.customersure.v1+json' });
}

/**
 * "You must set the token in the Authorization header in every API request. If you fail to provide
 * a valid token you will receive a 401 Unauthorized response." The seed writes the header both as
 * `Token token=1234567890` and `Token token="fake"`; both are read. It shows the 401's headers,
 * not its body: the fake answers a v1 `message`.
 */
function authenticate(c: Context, tokens: readonly string[]): Response | undefined {
  const match = /^Token token=(?:"([^"]*)"|(\S+))$/.exec((c.req.header('authorization') ?? '').trim());
  if (match && tokens.includes(match[1] ?? match[2] ?? '')) return undefined;
  return reply(401, { message: 'Bad credentials' }, { 'WWW-Authenticate': 'Token realm="Application"' });
}

/** The fake's rules. */
export function createCustomerSureApp({ store, account, tokens, companyName, now }: CustomerSureAppDeps): Hono {
  const app = new Hono();
  app.use('*', async (c, next) => userAgent(c, companyName) ?? accept(c) ?? authenticate(c, tokens) ?? next());

  // "POST https://api.customersure.com/feedback_requests"
  app.post('/feedback_requests', async (c) => {
    // "parameters not included in the URL should be encoded as JSON with a Content-Type of
    // 'application/json'". No status is named for another type: the fake answers 415.
    if ((c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() !== 'application/json') {
      return reply(415, { message: 'Content-Type must be application/json' });
    }
    let body: unknown;
    try {
      body = JSON.parse(await c.req.text());
    } catch {
      // "400 Bad Request - The request cannot be fulfilled due to malformed JSON"
      return reply(400, { message: 'Problems parsing JSON' });
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return reply(400, { message: 'Body should be a JSON object' });
    const checked = checkFeedbackRequest(body as Record<string, unknown>, account, now());
    // "403 Forbidden - You'll see this if you send us unpermitted parameters."
    if (!checked.ok && checked.status === 403) return reply(403, { message: `Unpermitted parameters: ${checked.unpermitted.join(', ')}` });
    // The seed's "Example error response": 422, "Validation error" and every error of the resource.
    if (!checked.ok) return reply(422, { message: 'Validation error', errors: checked.errors });
    // "Status: 201 Created" with the created feedback request.
    return reply(201, store.add(checked.body));
  });

  // The seed documents no GET of one feedback request; its other resources read as
  // "GET https://api.customersure.com/sites/:id", so the fake answers /feedback_requests/:id alike.
  app.get('/feedback_requests/:id', (c) => {
    const id = c.req.param('id');
    const found = /^\d+$/.test(id) ? store.get(Number(id)) : undefined;
    // "404 Not found - The requested resource does not exist."
    return found ? reply(200, found) : reply(404, { message: 'Not Found' });
  });

  app.notFound(() => reply(404, { message: 'Not Found' }));
  return app;
}
