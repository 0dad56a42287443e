import { z } from 'zod';
import type { ZodOpenApiPathsObject, ZodOpenApiResponseObject } from 'zod-openapi';
import {
  WEBHOOK_EVENT_TYPES,
  WebhookDeliverySchema,
  WebhookEndpointCreatedSchema,
  WebhookEndpointCreateSchema,
  WebhookEndpointPatchSchema,
  WebhookEndpointSchema,
  WebhookSecretRotationSchema,
} from '../../shared/api/webhook-schemas';
import { apiOperation } from './api-operation';
import { PageQuerySchema } from './api-query';
import { ERROR_REPLIES } from './error-replies';
import { listReply } from './list-reply';

const EndpointIdSchema = z.object({ id: z.number().int().min(1).describe('The webhook endpoint’s id') });

const one = (schema: z.ZodType, description: string): ZodOpenApiResponseObject => ({ description, content: { 'application/json': { schema } } });

const TAG = 'Webhooks';

/** How a delivery looks on the wire, for the tag's description. */
export const WEBHOOKS_DESCRIPTION = `Events POSTed to your URLs, signed as [Standard Webhooks](https://www.standardwebhooks.com):
headers \`webhook-id\` (the same on every retry), \`webhook-timestamp\` (Unix seconds) and
\`webhook-signature\` (\`v1,<base64 HMAC-SHA256 of "id.timestamp.body">\`, keyed with the \`whsec_\` secret;
during a rotation two signatures, space-separated). The body is \`{"type", "timestamp", "data"}\`; types:
${WEBHOOK_EVENT_TYPES.map((t) => `\`${t}\``).join(', ')}. Any 2xx is delivered; 410 Gone disables the endpoint;
anything else is retried from 5 s, doubling to hourly, for three days. Order is not guaranteed.`;

/**
 * The webhook endpoint routes as `webhookEndpoints` serves them under
 * `/api/webhook_endpoints`.
 *
 * @example
 * createDocument({ openapi: '3.1.0', info, paths: { ...apiPaths(), ...webhookPaths() } })
 */
export function webhookPaths(): ZodOpenApiPathsObject {
  const notFound = { 404: ERROR_REPLIES.notFound };
  return {
    '/api/webhook_endpoints': {
      get: apiOperation({
        operationId: 'listWebhookEndpoints',
        summary: 'List webhook endpoints',
        description: 'Oldest first; disabled ones included. Secrets are never listed.',
        tags: [TAG],
        query: PageQuerySchema,
        responses: { 200: listReply(WebhookEndpointSchema, 'A page of endpoints'), 422: ERROR_REPLIES.validationFailed },
      }),
      post: apiOperation({
        operationId: 'createWebhookEndpoint',
        summary: 'Subscribe a URL to events',
        description: 'The reply carries the signing secret: the only time it is shown (until a rotation).',
        tags: [TAG],
        body: WebhookEndpointCreateSchema,
        responses: {
          201: { ...one(WebhookEndpointCreatedSchema, 'The new endpoint and its secret'), headers: z.object({ Location: z.url().describe('The new endpoint’s URL') }) },
        },
      }),
    },
    '/api/webhook_endpoints/{id}': {
      get: apiOperation({
        operationId: 'getWebhookEndpoint',
        summary: 'Get a webhook endpoint',
        tags: [TAG],
        path: EndpointIdSchema,
        responses: { 200: one(WebhookEndpointSchema, 'The endpoint'), ...notFound },
      }),
      patch: apiOperation({
        operationId: 'updateWebhookEndpoint',
        summary: 'Update a webhook endpoint',
        description: 'Only the keys sent change. `disabled: true` ends pending deliveries unsent; `false` resumes for new events.',
        tags: [TAG],
        path: EndpointIdSchema,
        body: WebhookEndpointPatchSchema,
        responses: { 200: one(WebhookEndpointSchema, 'The endpoint as updated'), ...notFound },
      }),
      delete: apiOperation({
        operationId: 'deleteWebhookEndpoint',
        summary: 'Stop sending to a webhook endpoint',
        description: 'Disables the endpoint and ends its pending deliveries unsent. It stays readable (`disabled: true`) with its delivery log.',
        tags: [TAG],
        path: EndpointIdSchema,
        responses: { 204: { description: 'Disabled' }, ...notFound },
      }),
    },
    '/api/webhook_endpoints/{id}/rotate_secret': {
      post: apiOperation({
        operationId: 'rotateWebhookSecret',
        summary: 'Rotate a webhook endpoint’s secret',
        description: 'A new secret signs from now on; for 24 hours the old one signs too, so receivers can switch without a failed delivery.',
        tags: [TAG],
        path: EndpointIdSchema,
        responses: { 200: one(WebhookSecretRotationSchema, 'The new secret'), ...notFound },
      }),
    },
    '/api/webhook_endpoints/{id}/deliveries': {
      get: apiOperation({
        operationId: 'listWebhookDeliveries',
        summary: 'List an endpoint’s deliveries',
        description: 'Newest first, with each one’s state, attempts and last answer.',
        tags: [TAG],
        path: EndpointIdSchema,
        query: PageQuerySchema,
        responses: { 200: listReply(WebhookDeliverySchema, 'A page of deliveries, newest first'), ...notFound, 422: ERROR_REPLIES.validationFailed },
      }),
    },
  };
}
