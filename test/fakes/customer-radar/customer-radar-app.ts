/**
 * The Customer Radar invitation API's HTTP wiring, as a Hono app that never
 * listens: `/auth/login` and `/invitation`, each rule from customer-radar-rules.
 */
import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { CustomerRadarClient } from './customer-radar-directory';
import { unauthorized, success, type Reply } from './customer-radar-replies';
import { checkContentType, checkInvitation, checkLogin, type Recipient } from './customer-radar-rules';
import type { TokenStore } from './customer-radar-tokens';

export interface CustomerRadarCredentials {
  username: string;
  password: string;
}

/** An invitation the fake accepted, as a test reads it back. */
export interface AcceptedInvitation {
  /** The `data` of the success reply. */
  id: string;
  /** The user whose token sent it. */
  userName: string;
  clientDisplayId: string;
  programmeDisplayId: string;
  sendData: Recipient[];
  /** The fake's clock when it was accepted (ms). */
  receivedAt: number;
}

export interface CustomerRadarAppDeps {
  credentials: CustomerRadarCredentials;
  directory: CustomerRadarClient[];
  tokens: TokenStore;
  invitations: AcceptedInvitation[];
  now: () => number;
}

// Shaped like the seed's `"data":"846673197418938368"`: a long numeric id, as a string.
const FIRST_ID = 846673197418938368n;

const answer = (c: Context, reply: Reply) => c.json(reply.body, reply.status as ContentfulStatusCode);

/** @example const app = createCustomerRadarApp(deps); await app.request('/auth/login', init); */
export function createCustomerRadarApp(deps: CustomerRadarAppDeps): Hono {
  const app = new Hono();

  // "Method: POST URL: api.feedback.fyi/auth/login"
  app.post('/auth/login', async (c) => {
    // The seed shows only a JSON "Example Body" for login; its Content-Type is held to the same rule as
    // /invitation's (strict reading).
    const contentType = checkContentType(c.req.header('Content-Type'));
    if (!contentType.ok) return answer(c, contentType.reply);
    const login = checkLogin(await c.req.text());
    if (!login.ok) return answer(c, login.reply);
    const { username, password } = login.value;
    // "Generate a username and password for the client." Both must match, case and all. The seed names
    // no reply for wrong ones; 401 (see unauthorized).
    if (username !== deps.credentials.username || password !== deps.credentials.password) {
      return answer(c, unauthorized('Invalid username or password'));
    }
    // "Example Response: { "token": "eyJ0…", "expiration": 1517434473.269, "userName": "testing" }"
    // Tokens issued earlier stay valid until their own expiry (the seed is silent).
    const { token, expiration } = deps.tokens.issue(username);
    return c.json({ token, expiration, userName: username });
  });

  // "Method: POST URL: api.feedback.fyi/invitation"
  app.post('/invitation', async (c) => {
    // "Authorization | eyJ0sUHBDusmUUmiYQiL.CJaJ0-XAiabs | Alpha | Yes | The token which was received after
    // successful submission of username and password." The header is the bare token, as in the example (no
    // `Bearer ` prefix; strict reading). Missing, unknown and expired tokens are answered 401 before the body
    // is read, as a token filter does (self-contradictory seed: "400 … if any mandatory attribute is missing
    // in request or is wrong" would cover a missing header too; 401 is what makes a client log in again).
    const token = c.req.header('Authorization');
    if (!token) return answer(c, unauthorized('Mandatory attribute is missing: Authorization'));
    const session = deps.tokens.check(token);
    // "Once the token has expired, use “/auth/login” to authorise again using provided username and password
    // and receive a new token."
    if (session.state === 'expired') return answer(c, unauthorized('Token has expired'));
    if (session.state === 'unknown') return answer(c, unauthorized('Invalid token'));
    const contentType = checkContentType(c.req.header('Content-Type'));
    if (!contentType.ok) return answer(c, contentType.reply);
    const checked = checkInvitation(await c.req.text(), deps.directory);
    if (!checked.ok) return answer(c, checked.reply);
    // "This api should respond with 200 (success) if the SMS or Email has been triggered": one `data` id per
    // request, however many recipients (vague seed: the example has one of each).
    const id = String(FIRST_ID + BigInt(deps.invitations.length));
    deps.invitations.push({ id, userName: session.userName, ...checked.value, receivedAt: deps.now() });
    return answer(c, success(id));
  });

  // Both endpoints are "Method: POST"; any other method on them is refused, not routed.
  app.all('/auth/login', (c) => c.json({ description: 'Method not allowed' }, 405));
  app.all('/invitation', (c) => c.json({ description: 'Method not allowed' }, 405));
  return app;
}
