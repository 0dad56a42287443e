import { createDocument, type oas31, type ZodOpenApiOverrideContext } from 'zod-openapi';
import { SiteCreateSchema, SitePatchSchema, StaffCreateSchema, StaffPatchSchema } from '../../shared/api/api-inputs';
import { ResponsePayloadSchema } from '../../shared/response-schema';
import { FeedbackRequestCreateSchema } from '../../shared/api/feedback-request-inputs';
import { WebhookEndpointCreateSchema, WebhookEndpointPatchSchema } from '../../shared/api/webhook-schemas';
import { V1_MEDIA_TYPE } from '../api/middleware/require-accept';
import { apiPaths } from './api-paths';
import { TOKEN_SCHEME } from './api-operation';
import { relayPaths } from './relay-paths';
import { webhookPaths, WEBHOOKS_DESCRIPTION } from './webhook-paths';
import { widgetPaths } from './widget-paths';
import { healthPaths } from './health-paths';

// readJsonBody refuses keys these bodies do not list with a 403 ("unpermitted
// parameters"), which zod's default input schema (extra keys allowed) would hide.
const CLOSED_BODIES: ReadonlySet<unknown> = new Set([SiteCreateSchema, SitePatchSchema, StaffCreateSchema, StaffPatchSchema, FeedbackRequestCreateSchema, WebhookEndpointCreateSchema, WebhookEndpointPatchSchema]);

function closeBodies({ jsonSchema, zodSchema, io }: ZodOpenApiOverrideContext): void {
  if (io === 'input' && CLOSED_BODIES.has(zodSchema)) jsonSchema.additionalProperties = false;
}

const DESCRIPTION = `The survey-widget proxy: the widget's public routes, and the CustomerSure REST API v1 under \`/api\`.

Every \`/api\` request (except this document) needs three headers, checked in this order:
\`User-Agent\` (403 without), \`Accept: ${V1_MEDIA_TYPE}\` (406 without) and
\`Authorization: Token token="…"\` (401 without). A token sees only its own org.
Replies are JSON (\`application/json; charset=utf-8\`); blank fields are null, never omitted;
timestamps are \`YYYY-MM-DDTHH:MM:SSZ\` in UTC. Errors have the v1 body \`{"message", "errors"?}\`.`;

let cached: oas31.OpenAPIObject | undefined;

/**
 * The OpenAPI 3.1 document of the whole proxy, generated from the zod
 * schemas the handlers use, served at `GET /api/openapi.json`. Built on the
 * first call and reused.
 *
 * @example
 * createApp({ ...deps, openApiDocument });
 * openApiDocument().paths['/api/sites'] // { get: …, post: … }
 */
export function openApiDocument(): oas31.OpenAPIObject {
  cached ??= createDocument(
    {
      openapi: '3.1.0',
      info: { title: 'survey-widget proxy', version: '0.1.0', description: DESCRIPTION, license: { name: 'MIT', identifier: 'MIT' } },
      tags: [
        { name: 'Feedback requests', description: 'Requests for feedback, relayed to the org’s system' },
        { name: 'Feedback responses' },
        { name: 'Surveys' },
        { name: 'Sites' },
        { name: 'Staff' },
        { name: 'Templates', description: 'Email and text message templates' },
        { name: 'Metrics', description: 'NPS and CSAT over a time range, in the org’s time zone' },
        { name: 'Webhooks', description: WEBHOOKS_DESCRIPTION },
        { name: 'Relay', description: 'The hosted survey page and the systems’ callbacks: no token' },
        { name: 'Widget', description: 'The widget’s public routes: no token' },
        { name: 'Meta' },
      ],
      paths: { ...widgetPaths(), ...apiPaths(), ...relayPaths(), ...webhookPaths(), ...healthPaths() },
      components: {
        // Named here, so the shared payload schema carries no document concerns.
        schemas: { ResponsePayload: ResponsePayloadSchema },
        securitySchemes: {
          [TOKEN_SCHEME]: {
            type: 'apiKey',
            in: 'header',
            name: 'Authorization',
            description: 'Send `Authorization: Token token="your API token"` (the quotes may be left out).',
          },
        },
      },
    },
    { override: closeBodies },
  );
  return cached;
}
