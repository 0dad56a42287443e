/**
 * What Customer Radar's replies mean: the `/invitation` outcome and the
 * `/auth/login` credential. The seed documents one body, for success
 * (`{"code": "00000", "description": "success", "data": "846673197418938368"}`),
 * and one error status, 400; everything else is HTTP's usual meaning.
 */
import type { Credential, HttpReply, Outcome } from '../../relay-adapter';
import { isRetryableStatus, retryAfterMs } from '../../retry-after';

// "Example Response: { "code": "00000", "description": "success", … }".
export const SUCCESS_CODE = '00000';
// "valid for 60 minutes once generated": the lifetime when a login reply carries no `expiration`.
export const TOKEN_LIFETIME_MS = 60 * 60 * 1000;

interface ReplyBody {
  code?: unknown;
  description?: unknown;
  data?: unknown;
  token?: unknown;
  expiration?: unknown;
}

function parse(body: string): ReplyBody | undefined {
  try {
    const value: unknown = JSON.parse(body);
    return value !== null && typeof value === 'object' ? (value as ReplyBody) : undefined;
  } catch {
    return undefined;
  }
}

/** The system's own words: its `description`, else the status and what it sent. */
function reasonOf(status: number, body: string, parsed: ReplyBody | undefined): string {
  if (typeof parsed?.description === 'string' && parsed.description !== '') return parsed.description;
  const text = body.trim().slice(0, 200);
  return text ? `HTTP ${status}: ${text}` : `HTTP ${status}`;
}

/** A non-2xx reply, for both endpoints. */
function failure({ status, headers, body }: HttpReply, parsed: ReplyBody | undefined): Exclude<Outcome, { kind: 'sent' }> {
  // No status is documented for a token problem; the contract fake answers 401 for a missing, unknown
  // or expired token, which is when the seed says "use “/auth/login” to authorise again".
  if (status === 401) return { kind: 'reauthenticate', reason: reasonOf(status, body, parsed) };
  if (isRetryableStatus(status)) {
    const description = typeof parsed?.description === 'string' ? `: ${parsed.description}` : '';
    // An HTTP-date Retry-After is read against the reply's own Date, keeping this a function of the reply.
    const now = Date.parse(headers.date ?? '');
    const afterMs = retryAfterMs(headers['retry-after'], Number.isNaN(now) ? Date.now() : now);
    return { kind: 'retry', reason: `HTTP ${status}${description}`, ...(afterMs !== undefined && { afterMs }) };
  }
  // "400 (Bad Request) if any mandatory attribute is missing in request or is wrong", and the two
  // business errors of 1.1.1.4.3 ("No Feedback code found …", "… must set Postmark ID"): all refusals
  // a retry cannot cure, reported in CR's own words.
  return { kind: 'refused', reason: reasonOf(status, body, parsed) };
}

/**
 * The outcome of `POST /invitation`.
 *
 * @example
 * invitationOutcome({ status: 200, headers: {}, body: '{"code":"00000","description":"success","data":"846673197418938368"}' })
 * // { kind: 'sent', providerId: '846673197418938368' }
 */
export function invitationOutcome(reply: HttpReply): Outcome {
  const parsed = parse(reply.body);
  if (reply.status < 200 || reply.status > 299) return failure(reply, parsed);
  // A `code` other than "00000" is a failure even on a 2xx: the seed shows "00000" only for success.
  if (parsed?.code !== undefined && String(parsed.code) !== SUCCESS_CODE) {
    return { kind: 'refused', reason: typeof parsed.description === 'string' ? parsed.description : `code ${String(parsed.code)}` };
  }
  // "This api should respond with 200 (success) if the SMS or Email has been triggered": a 200 whose
  // body we cannot read is still sent (retrying it would invite the customer twice), just without an id.
  const id = parsed?.data;
  return typeof id === 'string' || typeof id === 'number' ? { kind: 'sent', providerId: String(id) } : { kind: 'sent' };
}

/**
 * The token of a `POST /auth/login` reply ("Example Response: { "token": "eyJ0…", "expiration":
 * 1517434473.269, "userName": "testing" }"), expiring at `expiration` (seconds since the epoch, the
 * fake's reading), else 60 minutes after `now`.
 *
 * @example
 * loginCredential({ status: 200, headers: {}, body: '{"token":"t","expiration":1517434473.269}' }, 0)
 * // { token: 't', expiresAt: 1517434473269 }
 */
export function loginCredential(reply: HttpReply, now: number): Credential | Exclude<Outcome, { kind: 'sent' }> {
  const parsed = parse(reply.body);
  if (reply.status < 200 || reply.status > 299) {
    const outcome = failure(reply, parsed);
    return outcome.kind === 'refused' ? { kind: 'refused', reason: `login: ${outcome.reason}` } : outcome;
  }
  // A 2xx without a token is the service misbehaving, not the merchant's or the org's fault: try later.
  if (typeof parsed?.token !== 'string' || parsed.token === '') return { kind: 'retry', reason: 'login: the reply carried no token' };
  const expiration = Number(parsed.expiration);
  const expiresAt = parsed.expiration !== undefined && Number.isFinite(expiration) && expiration > 0 ? Math.round(expiration * 1000) : now + TOKEN_LIFETIME_MS;
  return { token: parsed.token, expiresAt };
}
