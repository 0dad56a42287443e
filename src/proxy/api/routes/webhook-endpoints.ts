import { Hono } from 'hono';
import { WebhookEndpointCreateSchema, WebhookEndpointPatchSchema } from '../../../shared/api/webhook-schemas';
import { formatTimestamp } from '../../../shared/periods/parse-timestamp';
import { jsonResponse } from '../../json-response';
import type { WebhookEndpointPatch } from '../../store/webhook-store';
import { noSuch, validationFailed } from '../api-errors';
import type { ApiDeps } from '../api-deps';
import type { ApiContext, ApiEnv } from '../api-env';
import { readJsonBody } from '../json-body';
import { webhookDeliveryJson } from '../json/webhook-delivery-json';
import { webhookEndpointJson } from '../json/webhook-endpoint-json';
import { paginated, readPage } from '../pagination';

const RESOURCE = '/webhook_endpoints';

/**
 * Webhook endpoints, this proxy's extension of the v1 API: an org subscribes
 * URLs to events and reads each endpoint's delivery log. The signing secret
 * is in the reply to `POST` and to `rotate_secret`, and nowhere else.
 */
export function webhookEndpoints({ store, now }: ApiDeps): Hono<ApiEnv> {
  const app = new Hono<ApiEnv>();

  /** The endpoint `:id` of the caller's org, or undefined (a 404) for any other id. */
  const endpointOf = async (c: ApiContext) => {
    const id = c.req.param('id') ?? '';
    return /^[1-9]\d{0,15}$/.test(id) ? store.webhooks.find(c.get('org'), Number(id)) : undefined;
  };
  const missing = (c: ApiContext) => noSuch('webhook endpoint', c.req.param('id'));

  app.post('/', async (c) => {
    const body = await readJsonBody(c, WebhookEndpointCreateSchema, RESOURCE);
    if (!body.ok) return body.response;
    const { url, events, description = null } = body.value;
    const created = await store.webhooks.create(c.get('org'), { url, events, description }, now());
    const location = new URL(`${c.req.url.replace(/\/$/, '')}/${created.id}`).href;
    return jsonResponse({ ...webhookEndpointJson(created), secret: created.secret }, 201, { Location: location });
  });

  app.get('/', async (c) => {
    const url = new URL(c.req.url);
    const page = readPage(url, RESOURCE);
    if (Array.isArray(page)) return validationFailed(page);
    const { rows, total } = await store.webhooks.list(c.get('org'), page);
    return paginated(url, rows.map(webhookEndpointJson), total, page);
  });

  app.get('/:id', async (c) => {
    const endpoint = await endpointOf(c);
    return endpoint ? jsonResponse(webhookEndpointJson(endpoint)) : missing(c);
  });

  app.patch('/:id', async (c) => {
    const endpoint = await endpointOf(c);
    if (!endpoint) return missing(c);
    const body = await readJsonBody(c, WebhookEndpointPatchSchema, `${RESOURCE}/${endpoint.id}`);
    if (!body.ok) return body.response;
    const patch = Object.fromEntries(Object.entries(body.value).filter(([, v]) => v !== undefined)) as WebhookEndpointPatch;
    const updated = await store.webhooks.update(c.get('org'), endpoint.id, patch, now());
    return updated ? jsonResponse(webhookEndpointJson(updated)) : missing(c);
  });

  app.delete('/:id', async (c) => {
    const endpoint = await endpointOf(c);
    if (!endpoint || !(await store.webhooks.remove(c.get('org'), endpoint.id, now()))) return missing(c);
    return c.body(null, 204);
  });

  app.post('/:id/rotate_secret', async (c) => {
    const endpoint = await endpointOf(c);
    const rotated = endpoint && (await store.webhooks.rotateSecret(c.get('org'), endpoint.id, now()));
    if (!rotated) return missing(c);
    return jsonResponse({ secret: rotated.secret, previous_secret_expires_at: formatTimestamp(rotated.previous_secret_expires_at) });
  });

  app.get('/:id/deliveries', async (c) => {
    const endpoint = await endpointOf(c);
    if (!endpoint) return missing(c);
    const url = new URL(c.req.url);
    const page = readPage(url, `${RESOURCE}/${endpoint.id}/deliveries`);
    if (Array.isArray(page)) return validationFailed(page);
    const { rows, total } = await store.webhooks.deliveries(c.get('org'), endpoint.id, page);
    return paginated(url, rows.map(webhookDeliveryJson), total, page);
  });
  return app;
}
