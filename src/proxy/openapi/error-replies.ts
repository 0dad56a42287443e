import { z } from 'zod';
import type { ZodOpenApiResponseObject } from 'zod-openapi';
import type { ErrorBody, ErrorCode } from '../../shared/error-body';
import type { Describes } from './describes';

/** Every `error` code of the CustomerSure v1 error body ("Errors" in the REST API). */
const ERROR_CODES = [
  'required',
  'invalid_format',
  'wrong_length',
  'invalid_value',
  'forbidden_value',
  'invalid_date',
  'custom',
] as const satisfies readonly ErrorCode[];

const FieldErrorSchema = z
  .object({
    resource: z.string().describe('What the error is about: a path under the API root (`/sites/12`), or `/v1/responses` for the widget'),
    field: z.string().describe('The field, query parameter or answer (`answers[3]`) at fault'),
    error: z.enum(ERROR_CODES),
    extra_info: z
      .record(z.string(), z.unknown())
      .describe('Details by code: allowed_values, disallowed_values, valid_format, minimum, maximum, greater_than, less_than, must_be, message'),
  })
  .meta({ id: 'FieldError' });

/** `{"message": "..."}`, with `errors[]` naming every problem of a 409 or 422. */
export const ErrorBodySchema = z
  .object({
    message: z.string(),
    errors: z.array(FieldErrorSchema).optional(),
    error_count: z.number().int().optional().describe('How many problems there were, when `errors` lists only the first 50'),
  })
  .meta({ id: 'Error', description: 'The CustomerSure v1 error body' });

true satisfies Describes<z.infer<typeof ErrorBodySchema>, ErrorBody>;
true satisfies Describes<(typeof ERROR_CODES)[number], ErrorCode>;

/**
 * A reply whose body is the v1 error body. With an `id` it becomes a
 * component every operation refers to, so the shared failures are written once.
 *
 * @example
 * errorReply('No such site', { id: 'NotFound' })
 */
export function errorReply(description: string, extra: Pick<ZodOpenApiResponseObject, 'id' | 'headers'> = {}): ZodOpenApiResponseObject {
  return { description, ...extra, content: { 'application/json': { schema: ErrorBodySchema } } };
}

/** The failures shared by the API and the widget's routes, each a component. */
export const ERROR_REPLIES = {
  badJson: errorReply('Problems parsing JSON: the body is not a JSON object', { id: 'BadJson' }),
  unauthorized: errorReply('Bad credentials: no `Authorization: Token token="…"` header, or an unknown token', {
    id: 'Unauthorized',
    headers: z.object({
      'WWW-Authenticate': z.literal('Token realm="Application"').describe('How to authenticate'),
    }),
  }),
  missingUserAgent: errorReply('Missing or invalid User Agent string: every API request needs a User-Agent header', {
    id: 'MissingUserAgent',
  }),
  forbiddenBody: errorReply(
    'No User-Agent header ("Missing or invalid User Agent string"), or the body has keys the resource does not accept ("Unpermitted parameters: …")',
    { id: 'ForbiddenBody' },
  ),
  notFound: errorReply('Not found', { id: 'NotFound' }),
  notAcceptable: errorReply('Not Acceptable: the request did not send `Accept: application/vnd.customersure.v1+json`', { id: 'NotAcceptable' }),
  payloadTooLarge: errorReply('Payload Too Large: the body is over the limit the message names, and was not read', { id: 'PayloadTooLarge' }),
  unsupportedMediaType: errorReply('Unsupported Media Type: the body must be sent as `application/json`', { id: 'UnsupportedMediaType' }),
  validationFailed: errorReply('Validation error: `errors[]` names every problem at once', { id: 'ValidationFailed' }),
  tooManyRequests: errorReply('Too Many Requests: over an abuse limit (per client address or per org); the message names it', {
    id: 'TooManyRequests',
    headers: z.object({
      'Retry-After': z.number().int().positive().describe('Seconds until the limit\u2019s window ends'),
      RateLimit: z.string().describe('draft-ietf-httpapi-ratelimit-headers-11: the policy closest to exhaustion, e.g. `"responses-ip";r=0;t=42`'),
      'RateLimit-Policy': z.string().describe('Every limit on the route, e.g. `"responses-ip";q=60;w=60, "responses-org";q=6000;w=60`'),
    }),
  }),
  busy: errorReply('The store is busy; nothing was written and a retry after a moment succeeds', {
    id: 'Busy',
    headers: z.object({ 'Retry-After': z.number().int().positive().describe('Seconds to wait before retrying') }),
  }),
} satisfies Record<string, ZodOpenApiResponseObject>;
