import type { Context, Handler } from 'hono';
import { bodyHash } from './body-hash';
import { checkSubmittedAt } from './check-submitted-at';
import { FEEDBACK_REQUEST_PARAM } from './hosted/hosted-params';
import { errorResponse, jsonResponse } from './json-response';
import { checkSignedParams } from './signing/check-signed-params';
import { NO_SIGNING, type SigningSettings } from './signing/signing-keys';
import { responseFacts } from './store/response-facts';
import type { InsertResult, ResponseStore } from './store/response-store';
import type { SurveyCatalog } from './survey-catalog';
import { fieldError, validationBody } from './validation-error';
import { validateResponse } from './validate-response';

export interface PostResponseDeps {
  catalog: SurveyCatalog;
  store: ResponseStore;
  now: () => Date;
  /** The feedback request a hosted link's token names (id and org), to link the response to it. */
  requestByToken?: (token: string) => Promise<{ id: number; org: string } | undefined>;
  /** The org's time zone, whose calendar days the dashboard counts in; default UTC. */
  zoneOf?: (org: string) => string;
  /** The org's signed-params keys and whether it requires them; default: none. */
  signing?: (org: string) => SigningSettings;
  /** The per-org rate limit, once the body's org is known: a 429 to answer, or undefined to go on. */
  admit?: (c: Context, org: string) => Promise<Response | undefined>;
}

/**
 * `POST /v1/responses`: validates and stores a response. The client's `id`
 * makes it idempotent: a retry of the same response answers 200 with the
 * stored copy; a different response under a used id answers 409.
 */
export function postResponse({ catalog, store, now, requestByToken, zoneOf = () => 'UTC', signing = () => NO_SIGNING, admit }: PostResponseDeps): Handler {
  return async (c) => {
    let raw: unknown;
    try {
      raw = JSON.parse(await c.req.text());
    } catch {
      return errorResponse(400, 'Problems parsing JSON');
    }
    const survey = (org: string, code: string) => catalog.get(org, code);
    const signed = checkSignedParams(raw, { survey, signing, now: now() });
    if (!signed.ok) return errorResponse(422, signed.body);
    const result = validateResponse(raw, survey, signed.claims);
    if (!result.ok) return errorResponse(result.status, result.body);
    // Counted once the org is known to exist, so made-up orgs cannot fill the counter with keys.
    const refused = await admit?.(c, result.value.org);
    if (refused) return refused;
    // Here, not in validateResponse: the only check that reads the clock.
    const outOfWindow = checkSubmittedAt(result.value.submitted_at, now());
    if (outOfWindow.length > 0) return errorResponse(422, validationBody(outOfWindow));
    // A hosted link's token links the response to its request; the token itself is not stored (it
    // is a capability to answer), and an unknown one links nothing rather than lose the response.
    const token = result.value.metadata[FEEDBACK_REQUEST_PARAM];
    let feedbackRequestId: number | null = null;
    if (token !== undefined) {
      const { [FEEDBACK_REQUEST_PARAM]: _token, ...metadata } = result.value.metadata;
      result.value.metadata = metadata;
      const request = requestByToken ? await requestByToken(token) : undefined;
      if (request?.org === result.value.org) feedbackRequestId = request.id;
    }
    // Hash what was validated, not the bytes: a retry may re-serialise its JSON differently.
    const response = { ...result.value, received_at: now().toISOString() };
    const facts = responseFacts(response, catalog.get(response.org, response.survey), zoneOf(response.org));
    // A database locked past busy_timeout throws SQLITE_BUSY with nothing stored; createApp answers
    // 503 with Retry-After, and the widget's outbox retries, so the visitor loses nothing.
    // Not `verified`: a retry whose token has expired since is still the same response, answered with the stored copy.
    const { verified: _verified, ...said } = result.value;
    const inserted: InsertResult = await store.insert(response, bodyHash(said), facts, feedbackRequestId);
    if (inserted.status === 'created') return jsonResponse(inserted.response, 201);
    if (inserted.status === 'duplicate') return jsonResponse(inserted.response, 200);
    return errorResponse(409, conflictBody());
  };
}

function conflictBody() {
  const message = 'A different response was already stored with this id; generate a new id for a new response';
  return { ...validationBody([fieldError('id', 'custom', { message })]), message: 'Conflict' };
}
