import { Hono, type MiddlewareHandler } from 'hono';
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
  /** Rate limits: per client address before any check (429 before 401, so guessing tokens is slow too), per org after the token's. */
  limits?: { perIp: MiddlewareHandler; perOrg: MiddlewareHandler<ApiEnv> };
}

/**
 * The CustomerSure REST API v1, to be mounted at `/api`: every request needs
 * a User-Agent (403), the v1 Accept header (406) and a token (401), in that
 * order, and sees only its token's org. Rate limits, when given, wrap those
 * checks: per client address first, per org once the token is known (429).
 *
 * @example
 * app.route('/api', createApi({ store, catalog, orgSettings, now, tokenLookup }));
 */
export function createApi(deps: CreateApiDeps): Hono<ApiEnv> {
  const api = new Hono<ApiEnv>();
  const pass: MiddlewareHandler = (_c, next) => next();
  const { perIp, perOrg } = deps.limits ?? { perIp: pass, perOrg: pass };
  api.use('*', perIp, requireUserAgent(), requireAccept(), requireToken(deps.tokenLookup), perOrg);
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
