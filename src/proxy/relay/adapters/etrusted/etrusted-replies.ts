/**
 * What eTrusted's replies mean: "Schedule new invites" (a 207 `InvitesResponse`
 * that settles each invite on its own, a 400 or 401 `ErrorResponse`) and the
 * OAuth2 token endpoint (RFC 6749 §5.1 and §5.2). Everything else is HTTP's
 * usual meaning.
 */
import type { Credential, HttpReply, Outcome } from '../../relay-adapter';
import type { RelayRequest } from '../../relay-request';
import { isRetryableStatus, retryAfterMs } from '../../retry-after';

// RFC 6749 §5.1 makes `expires_in` only RECOMMENDED; without one, a short life that forces early renewal.
export const DEFAULT_TOKEN_LIFETIME_S = 300;

type NotSent = Exclude<Outcome, { kind: 'sent' }>;

interface FailedInvite {
  status?: unknown;
  reasons?: unknown;
  transaction?: { reference?: unknown };
}

interface ReplyBody {
  // ErrorResponse: "Message string Error message details"
  Message?: unknown;
  // InvitesResponse
  batchId?: unknown;
  successfulInvites?: unknown;
  failedInvites?: unknown;
  // RFC 6749
  access_token?: unknown;
  expires_in?: unknown;
  error?: unknown;
  error_description?: unknown;
}

function parse(body: string): ReplyBody | undefined {
  try {
    const value: unknown = JSON.parse(body);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as ReplyBody) : undefined;
  } catch {
    return undefined;
  }
}

/** eTrusted's own words: the `Message` (or OAuth `error_description`), else the status and the body. */
function reasonOf(status: number, body: string, parsed: ReplyBody | undefined): string {
  if (typeof parsed?.Message === 'string' && parsed.Message !== '') return parsed.Message;
  if (typeof parsed?.error === 'string') return typeof parsed.error_description === 'string' ? `${parsed.error}: ${parsed.error_description}` : parsed.error;
  const text = body.trim().slice(0, 200);
  return text ? `HTTP ${status}: ${text}` : `HTTP ${status}`;
}

/** A non-2xx reply, for both endpoints. */
function failure({ status, headers, body }: HttpReply, parsed: ReplyBody | undefined): NotSent {
  // "401 - Unauthorized … ErrorResponse": the token is missing, unknown or expired. Renew it once.
  if (status === 401) return { kind: 'reauthenticate', reason: reasonOf(status, body, parsed) };
  if (isRetryableStatus(status)) {
    // An HTTP-date Retry-After is read against the reply's own Date, keeping this a function of the reply.
    const now = Date.parse(headers.date ?? '');
    const afterMs = retryAfterMs(headers['retry-after'], Number.isNaN(now) ? Date.now() : now);
    const message = typeof parsed?.Message === 'string' ? `: ${parsed.Message}` : '';
    return { kind: 'retry', reason: `HTTP ${status}${message}`, ...(afterMs !== undefined && { afterMs }) };
  }
  // "400 - Bad Request … ErrorResponse: The response, if the authorization or initial validation
  // failed." (and 403, 404, 415 in HTTP's meaning): a retry cannot cure them.
  return { kind: 'refused', reason: reasonOf(status, body, parsed) };
}

/** "FailedInvite … status: The HTTP status code of the error. reasons: The reasons, why the invite was not scheduled." */
function failedOutcome(failed: FailedInvite): NotSent {
  const status = typeof failed.status === 'number' ? failed.status : 400;
  const reasons = Array.isArray(failed.reasons) ? failed.reasons.map(String).join('; ') : '';
  const reason = reasons || `invite failed with HTTP ${status}`;
  return isRetryableStatus(status) ? { kind: 'retry', reason } : { kind: 'refused', reason };
}

/**
 * The outcome of each request of one `POST /invites`, in order. A 207 settles each on its own: a failed
 * invite is found by its `transaction.reference` (our request id, see inviteOf); every other one was
 * scheduled, under the batch's `batchId` ("returned only if some invites were successfully scheduled").
 *
 * @example
 * toBatchOutcomes({ status: 207, headers: {}, body: '{"batchId":"b1","successfulInvites":1,"failedInvites":[]}' }, [request])
 * // [{ kind: 'sent', providerId: 'b1' }]
 */
export function toBatchOutcomes(reply: HttpReply, requests: readonly Pick<RelayRequest, 'id'>[]): Outcome[] {
  const parsed = parse(reply.body);
  if (reply.status < 200 || reply.status > 299) {
    const outcome = failure(reply, parsed);
    return requests.map(() => outcome);
  }
  const failedInvites = Array.isArray(parsed?.failedInvites) ? (parsed.failedInvites as FailedInvite[]) : [];
  const failedByRef = new Map(failedInvites.map((f) => [String(f?.transaction?.reference), f]));
  const batchId = typeof parsed?.batchId === 'string' && parsed.batchId !== '' ? parsed.batchId : undefined;
  const nothingScheduled = parsed?.successfulInvites === 0;
  return requests.map((request, index) => {
    // A lone request's failure is the one failed invite, even were its reference not echoed.
    const failed = failedByRef.get(String(request.id)) ?? (requests.length === 1 && index === 0 ? failedInvites[0] : undefined);
    if (failed) return failedOutcome(failed);
    // "successfulInvites: The number of successfully scheduled invites." Zero, with no failure named for
    // this request, means it was not scheduled: safe to send again.
    if (nothingScheduled) return { kind: 'retry', reason: 'eTrusted scheduled no invite and named no failure' };
    // A 2xx we cannot read is still sent: sending again could invite the customer twice.
    return batchId !== undefined ? { kind: 'sent', providerId: batchId } : { kind: 'sent' };
  });
}

/**
 * The outcome of a `POST /invites` carrying one request.
 *
 * @example
 * etrustedOutcome({ status: 400, headers: {}, body: '{"Message":"system is required"}' }) // { kind: 'refused', reason: 'system is required' }
 */
export function etrustedOutcome(reply: HttpReply): Outcome {
  // The adapter's toOutcome gets no request; with one invite in the body, its failure is the only one.
  return toBatchOutcomes(reply, [{ id: Number.NaN }])[0] as Outcome;
}

/**
 * The token of a client-credentials reply (`{access_token, token_type: 'Bearer', expires_in}`),
 * expiring `expires_in` seconds after `now`.
 *
 * @example
 * tokenCredential({ status: 200, headers: {}, body: '{"access_token":"t","expires_in":3600}' }, 0) // { token: 't', expiresAt: 3600000 }
 */
export function tokenCredential(reply: HttpReply, now: number): Credential | NotSent {
  const parsed = parse(reply.body);
  if (reply.status < 200 || reply.status > 299) {
    // RFC 6749 §5.2: `invalid_client` (401) is a wrong id or secret, and deliver reports it as a refused
    // login; an `invalid_request` (400, a wrong audience or token URL) is the org's configuration too.
    const outcome = failure(reply, parsed);
    return outcome.kind === 'refused' ? { kind: 'refused', reason: `login: ${outcome.reason}` } : outcome;
  }
  // A 2xx without a token is the service misbehaving, not the org's fault: try later.
  if (typeof parsed?.access_token !== 'string' || parsed.access_token === '') return { kind: 'retry', reason: 'login: the reply carried no access_token' };
  const lifetime = typeof parsed.expires_in === 'number' && parsed.expires_in > 0 ? parsed.expires_in : DEFAULT_TOKEN_LIFETIME_S;
  return { token: parsed.access_token, expiresAt: now + lifetime * 1000 };
}
