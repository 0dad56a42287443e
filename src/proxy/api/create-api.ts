import { Hono } from 'hono';
import { errorResponse } from '../json-response';
import { notFound } from './api-errors';
import type { ApiDeps } from './api-deps';
import type { ApiEnv } from './api-env';
import { requireAccept } from './middleware/require-accept';
import { requireToken, type TokenLookup } from './middleware/require-token';
import { requireUserAgent } from './middleware/require-user-agent';
import { feedbackRequests } from './routes/feedback-requests';
import { feedbackResponses } from './routes/feedback-responses';
import { metrics } from './routes/metrics';
import { responseRate } from './routes/response-rate';
import { sites } from './routes/sites';
import { staff } from './routes/staff';
import { surveys } from './routes/surveys';
import { templates } from './routes/templates';
import { webhookEndpoints } from './routes/webhook-endpoints';
import { limitBody } from '../limit-body';

/** Largest POST or PATCH body the API reads. */
export const MAX_API_BODY_BYTES = 16 * 1024;

export interface CreateApiDeps extends ApiDeps {
  tokenLookup: TokenLookup;
}

/**
 * The CustomerSure REST API v1, to be mounted at `/api`: every request needs
 * a User-Agent (403), the v1 Accept header (406) and a token (401), in that
 * order, and sees only its token's org.
 *
 * @example
 * app.route('/api', createApi({ store, catalog, orgSettings, now, tokenLookup }));
 */
export function createApi(deps: CreateApiDeps): Hono<ApiEnv> {
  const api = new Hono<ApiEnv>();
  api.use('*', requireUserAgent(), requireAccept(), requireToken(deps.tokenLookup));
  // A site or staff member is a few hundred bytes; anything near this limit is a mistake or an attack.
  api.on(['POST', 'PATCH'], '*', limitBody(MAX_API_BODY_BYTES, () => errorResponse(413, `Payload Too Large: at most ${MAX_API_BODY_BYTES} bytes`)));
  api.route('/feedback_requests', feedbackRequests(deps));
  api.route('/feedback_responses', feedbackResponses(deps));
  api.route('/surveys', surveys(deps));
  api.route('/sites', sites(deps));
  api.route('/staff', staff(deps));
  api.route('/webhook_endpoints', webhookEndpoints(deps));
  api.route('/', templates(deps));
  api.route('/', metrics(deps));
  api.route('/', responseRate(deps));
  api.all('*', () => notFound());
  return api;
}
