import { z } from 'zod';
import type { ZodOpenApiOperationObject, ZodOpenApiResponsesObject } from 'zod-openapi';
import { V1_MEDIA_TYPE } from '../api/middleware/require-accept';
import { ERROR_REPLIES } from './error-replies';

/** The name of the API's security scheme in `components.securitySchemes`. */
export const TOKEN_SCHEME = 'token';

// OpenAPI tools ignore a header parameter named Accept (the response media types
// stand for it), but the v1 API refuses a request without this one, so it is listed.
const V1HeadersSchema = z.object({
  Accept: z.literal(V1_MEDIA_TYPE).meta({
    description: 'The API version; anything else is refused with 406 ("MUST explicitly specify the version on every API request")',
    param: { id: 'Accept' },
  }),
  'User-Agent': z.string().min(1).meta({
    description: 'Who is calling, e.g. your app’s name and a contact; requests without one are refused with 403',
    examples: ['Acme CRM sync (ops@acme.example)'],
    param: { id: 'UserAgent' },
  }),
});

/** One v1 API operation, before the headers, token and shared failures every one of them has. */
export interface ApiOperation extends Pick<ZodOpenApiOperationObject, 'operationId' | 'summary' | 'description' | 'tags'> {
  query?: z.ZodObject;
  path?: z.ZodObject;
  /** A JSON request body (POST, PATCH): adds its 400, 403, 413, 415 and 422. */
  body?: z.ZodObject;
  /** The operation's own replies: its success and any 404 or 422. */
  responses: ZodOpenApiResponsesObject;
}

/**
 * A v1 API operation as the middleware in `createApi` makes every one of
 * them: the User-Agent (403), Accept (406) and token (401) checks, and the
 * store's 503; a body adds JSON parsing (400), unpermitted keys (403), the
 * size limit (413), the media type (415) and validation (422).
 *
 * @example
 * apiOperation({ operationId: 'getSite', summary: 'A site', tags: ['Sites'], path: SiteIdSchema, responses: { 200: … } })
 */
export function apiOperation({ query, path, body, responses, ...rest }: ApiOperation): ZodOpenApiOperationObject {
  const shared: ZodOpenApiResponsesObject = {
    401: ERROR_REPLIES.unauthorized,
    403: body ? ERROR_REPLIES.forbiddenBody : ERROR_REPLIES.missingUserAgent,
    406: ERROR_REPLIES.notAcceptable,
    429: ERROR_REPLIES.tooManyRequests,
    503: ERROR_REPLIES.busy,
  };
  const bodyReplies: ZodOpenApiResponsesObject = body
    ? {
        400: ERROR_REPLIES.badJson,
        413: ERROR_REPLIES.payloadTooLarge,
        415: ERROR_REPLIES.unsupportedMediaType,
        422: ERROR_REPLIES.validationFailed,
      }
    : {};
  const all = { ...responses, ...shared, ...bodyReplies };
  return {
    ...rest,
    security: [{ [TOKEN_SCHEME]: [] }],
    // zod-openapi reads every key it is given, so absent ones are left out rather than undefined.
    requestParams: { header: V1HeadersSchema, ...(query ? { query } : {}), ...(path ? { path } : {}) },
    ...(body ? { requestBody: { required: true, content: { 'application/json': { schema: body } } } } : {}),
    // In status order, as a reader scans them.
    responses: Object.fromEntries(Object.entries(all).sort(([a], [b]) => a.localeCompare(b))) as ZodOpenApiResponsesObject,
  };
}
