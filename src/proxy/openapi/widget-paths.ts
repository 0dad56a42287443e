import { z } from 'zod';
import type { ZodOpenApiPathsObject, ZodOpenApiResponseObject } from 'zod-openapi';
import { CODE_PATTERN, LOCALES } from '../../shared/param-keys';
import { ResponsePayloadSchema } from '../../shared/response-schema';
import { SurveySchema } from '../../shared/survey-schema';
import { SURVEY_SCHEMA_PATH } from '../survey-json-schema';
import { ERROR_REPLIES, errorReply } from './error-replies';
import { StoredResponseSchema } from './stored-response-schema';
import { widgetFilePaths } from './widget-file-paths';

/** What `GET /v1/surveys/{org}/{survey}` answers: the survey file, defaults applied, with its locale resolved and UI strings. */
export const SurveyDefinitionSchema = z
  .object({
    ...SurveySchema.shape,
    locale: z.enum(LOCALES).describe('The locale resolved from ?locale, the survey’s own, then ?lang, else en'),
    strings: z.record(z.string(), z.string()).describe('The widget’s UI strings in that locale, by key'),
  })
  .meta({ id: 'SurveyDefinition', description: 'A survey definition as the widget renders it' });

const code = z.string().regex(CODE_PATTERN);
const cached = (seconds: number) => z.object({ 'Cache-Control': z.literal(`public, max-age=${seconds}`) });

const stored = (description: string): ZodOpenApiResponseObject => ({
  description,
  content: { 'application/json': { schema: StoredResponseSchema } },
});

/**
 * The widget's public routes (no token; `/v1/*` answers CORS for the
 * configured origins), and the document itself.
 *
 * @example
 * createDocument({ openapi: '3.1.0', info, paths: { ...widgetPaths() } })
 */
export function widgetPaths(): ZodOpenApiPathsObject {
  return {
    '/v1/surveys/{org}/{survey}': {
      get: {
        operationId: 'getSurveyDefinition',
        summary: 'A survey for the widget',
        tags: ['Widget'],
        requestParams: {
          path: z.object({ org: code.describe('The org’s code'), survey: code.describe('The survey’s code') }),
          query: z.object({
            locale: z.string().optional().describe('The page’s locale override; wins over the survey’s own'),
            lang: z.string().optional().describe('The page’s `<html lang>`, used when neither the page nor the survey sets a locale'),
          }),
        },
        responses: {
          200: { description: 'The survey', headers: cached(60), content: { 'application/json': { schema: SurveyDefinitionSchema } } },
          404: errorReply('Survey not found'),
        },
      },
    },
    '/v1/responses': {
      post: {
        operationId: 'postResponse',
        summary: 'Send a response',
        description: 'Idempotent by the client’s `id`: a retry of the same response answers 200 with the stored copy.',
        tags: ['Widget'],
        requestBody: { required: true, content: { 'application/json': { schema: ResponsePayloadSchema } } },
        responses: {
          200: stored('A retry of a response already stored: the stored copy'),
          201: stored('Stored'),
          400: ERROR_REPLIES.badJson,
          403: errorReply('Forbidden: posted from an `Origin` that `ALLOWED_ORIGINS` does not list', { id: 'OriginNotAllowed' }),
          409: errorReply('Conflict: a different response was already stored with this id', { id: 'Conflict' }),
          413: ERROR_REPLIES.payloadTooLarge,
          415: ERROR_REPLIES.unsupportedMediaType,
          422: ERROR_REPLIES.validationFailed,
          429: ERROR_REPLIES.tooManyRequests,
          503: ERROR_REPLIES.busy,
        },
      },
    },
    [SURVEY_SCHEMA_PATH]: {
      get: {
        operationId: 'getSurveyJsonSchema',
        summary: 'The JSON Schema of a survey file',
        description: 'Generated from the same zod schema the proxy loads survey files with; point an editor’s `$schema` at it.',
        tags: ['Widget'],
        responses: {
          200: {
            description: 'A JSON Schema (draft 2020-12)',
            headers: cached(300),
            content: {
              'application/json': {
                schema: z.looseObject({
                  $schema: z.literal('https://json-schema.org/draft/2020-12/schema'),
                  $id: z.literal(SURVEY_SCHEMA_PATH),
                  title: z.string(),
                  type: z.literal('object'),
                  properties: z.record(z.string(), z.unknown()),
                }),
              },
            },
          },
        },
      },
    },
    ...widgetFilePaths(),
    '/api/openapi.json': {
      get: {
        operationId: 'getOpenApiDocument',
        summary: 'This document',
        description: 'Public, before the API’s token check: the contract is no secret.',
        tags: ['Meta'],
        responses: {
          200: {
            description: 'The OpenAPI 3.1 document of the whole proxy',
            headers: cached(300),
            content: {
              'application/json': {
                schema: z.looseObject({ openapi: z.string().regex(/^3\.1\.\d+$/), info: z.looseObject({ title: z.string(), version: z.string() }), paths: z.record(z.string(), z.unknown()) }),
              },
            },
          },
        },
      },
    },
  };
}
