import type { Handler } from 'hono';
import { bodyHash } from './body-hash';
import { FEEDBACK_REQUEST_PARAM } from './hosted/hosted-params';
import { errorResponse, jsonResponse } from './json-response';
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
}

/**
 * `POST /v1/responses`: validates and stores a response. The client's `id`
 * makes it idempotent: a retry of the same response answers 200 with the
 * stored copy; a different response under a used id answers 409.
 */
export function postResponse({ catalog, store, now, requestByToken, zoneOf = () => 'UTC' }: PostResponseDeps): Handler {
  return async (c) => {
    let raw: unknown;
    try {
      raw = JSON.parse(await c.req.text());
    } catch {
      return errorResponse(400, 'Problems parsing JSON');
    }
    const result = validateResponse(raw, (org, code) => catalog.get(org, code));
    if (!result.ok) return errorResponse(result.status, result.body);
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
    const inserted: InsertResult = await store.insert(response, bodyHash(result.value), facts, feedbackRequestId);
    if (inserted.status === 'created') return jsonResponse(inserted.response, 201);
    if (inserted.status === 'duplicate') return jsonResponse(inserted.response, 200);
    return errorResponse(409, conflictBody());
  };
}

function conflictBody() {
  const message = 'A different response was already stored with this id; generate a new id for a new response';
  return { ...validationBody([fieldError('id', 'custom', { message })]), message: 'Conflict' };
}
