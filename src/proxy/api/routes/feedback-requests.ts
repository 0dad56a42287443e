import { Hono } from 'hono';
import { FeedbackRequestCreateSchema } from '../../../shared/api/feedback-request-inputs';
import { FEEDBACK_REQUEST_STATES } from '../../../shared/api/feedback-request-schemas';
import { bodyHash } from '../../body-hash';
import { jsonResponse } from '../../json-response';
import { createRelayRoutes } from '../../relay/relay-routes';
import type { FeedbackRequestState } from '../../store/tables';
import { apiFieldError, noSuch, validationFailed } from '../api-errors';
import type { ApiDeps } from '../api-deps';
import type { ApiEnv } from '../api-env';
import { resolveFeedbackRequest } from '../feedback-request-body';
import { readJsonBody } from '../json-body';
import { feedbackRequestJson } from '../json/feedback-request-json';
import { paginated, readPage } from '../pagination';
import { readQuery } from '../query-params';

const RESOURCE = '/feedback_requests';
// Stripe's and the IETF draft's header; a UUID fits with room to spare.
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/**
 * Feedback requests (the seed's "Feedback Requests"): `POST /feedback_requests`
 * stores a request and queues its relay in one transaction, `GET` lists them
 * newest first (`?state=pending` as in the seed's example, `email`,
 * `survey_ids[]`), `GET /:id` shows one with its timeline.
 */
export function feedbackRequests({ store, catalog, orgSettings, now, relayRoutes = createRelayRoutes({}), publicUrl, onRequestQueued }: ApiDeps): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();
  const base = (url: string) => publicUrl ?? new URL(url).origin;
  const byId = <T extends { id: number; archived: boolean }>(list: T[]) => new Map(list.map((t) => [t.id, t]));

  app.post('/', async (c) => {
    const org = c.get('org');
    const key = c.req.header('Idempotency-Key')?.trim() || null;
    if (key !== null && !IDEMPOTENCY_KEY.test(key)) {
      return validationFailed([apiFieldError(RESOURCE, 'Idempotency-Key', 'invalid_format', { message: 'at most 255 printable ASCII characters, e.g. a UUID' })]);
    }
    const body = await readJsonBody(c, FeedbackRequestCreateSchema, RESOURCE);
    if (!body.ok) return body.response;
    const clock = now();
    const resolved = resolveFeedbackRequest(body.value, {
      org,
      now: clock,
      route: relayRoutes.forOrg(org),
      surveyExists: (id) => catalog.byId(org, id) !== undefined,
      emailTemplates: byId(orgSettings.emailTemplates(org)),
      textMessageTemplates: byId(orgSettings.textMessageTemplates(org)),
      idempotencyKey: key,
      // What was validated, not the bytes: a retry may spell its JSON differently.
      bodyHash: bodyHash(body.value),
    });
    if (!resolved.ok) return validationFailed(resolved.errors);
    const created = await store.feedbackRequests.create(resolved.request, {
      now: clock,
      throttleDays: orgSettings.throttleDays(org),
      sentAtOnce: resolved.request.provider === 'proxy',
    });
    if (created.status === 'key_reused') {
      return validationFailed([apiFieldError(RESOURCE, 'Idempotency-Key', 'custom', { message: 'this key was used for a different request; use a new key for a new request' })]);
    }
    if (created.status === 'created' && created.request.row.state === 'pending') onRequestQueued?.();
    const location = `${c.req.url.replace(/\/$/, '')}/${created.request.row.id}`;
    const replayed = created.status === 'replayed' ? { 'Idempotent-Replayed': 'true' } : undefined;
    return jsonResponse(feedbackRequestJson(created.request, base(c.req.url)), 201, { Location: location, ...replayed });
  });

  app.get('/', async (c) => {
    const url = new URL(c.req.url);
    const page = readPage(url, RESOURCE);
    const query = readQuery(url, RESOURCE);
    const state = query.text('state');
    const surveyIds = query.ids('survey_ids');
    const errors = [...(Array.isArray(page) ? page : []), ...query.errors];
    if (state !== undefined && !(FEEDBACK_REQUEST_STATES as readonly string[]).includes(state)) {
      errors.push(apiFieldError(RESOURCE, 'state', 'invalid_value', { allowed_values: FEEDBACK_REQUEST_STATES }));
    }
    if (errors.length || Array.isArray(page)) return validationFailed(errors);
    const filter = { state: state as FeedbackRequestState | undefined, email: query.text('email'), surveyIds };
    const { rows, total } = await store.feedbackRequests.list(c.get('org'), filter, page);
    return paginated(url, rows.map((r) => feedbackRequestJson(r, base(c.req.url))), total, page);
  });

  app.get('/:id', async (c) => {
    const id = c.req.param('id');
    const found = /^[1-9]\d{0,15}$/.test(id) ? await store.feedbackRequests.find(c.get('org'), Number(id)) : undefined;
    if (!found) return noSuch('feedback request', id);
    return jsonResponse(feedbackRequestJson(found, base(c.req.url), await store.feedbackRequests.timeline(found.row.id)));
  });
  return app;
}
