import { Hono } from 'hono';
import { notFound } from './api-errors';
import type { ApiDeps } from './api-deps';
import type { ApiEnv } from './api-env';
import { requireAccept } from './middleware/require-accept';
import { requireToken, type TokenLookup } from './middleware/require-token';
import { requireUserAgent } from './middleware/require-user-agent';
import { feedbackResponses } from './routes/feedback-responses';
import { metrics } from './routes/metrics';
import { sites } from './routes/sites';
import { staff } from './routes/staff';
import { surveys } from './routes/surveys';
import { templates } from './routes/templates';

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
  api.route('/feedback_responses', feedbackResponses(deps));
  api.route('/surveys', surveys(deps));
  api.route('/sites', sites(deps));
  api.route('/staff', staff(deps));
  api.route('/', templates(deps));
  api.route('/', metrics(deps));
  api.all('*', () => notFound());
  return api;
}
