import { z } from 'zod';
import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject } from 'zod-openapi';
import { errorReply } from './error-replies';
import { IMMUTABLE_CACHE, STABLE_CACHE } from '../widget-files/widget-file-response';
import { WIDGET_MANIFEST_PATH } from '../widget-files/widget-file-routes';

const NOT_BUILT = errorReply('The widget is not built yet: run `npm run build`');
const NEGOTIATED = 'Precompressed: `Content-Encoding: br` or `gzip` by the request’s `Accept-Encoding` (q-values honoured), plain without it. Each coding has its own strong ETag; `If-None-Match` naming it answers 304.';

const fileHeaders = (cache: string, stable: boolean) =>
  z.object({
    'Cache-Control': z.literal(cache),
    ETag: z.string().regex(/^"[0-9a-f]+(-br|-gzip)?"$/).describe('Strong, one per coding'),
    Vary: z.literal('Accept-Encoding'),
    'Content-Encoding': z.enum(['br', 'gzip']).optional(),
    ...(stable ? { 'Content-Location': z.string().regex(/^\/survey_widget\.[0-9a-f]{12}\.(js|css)$/).describe('The content-addressed URL of the same bytes') } : {}),
  });

const file = (operationId: string, summary: string, type: string, cache: string, stable: boolean): ZodOpenApiOperationObject => ({
  operationId,
  summary,
  description: NEGOTIATED,
  tags: ['Widget'],
  responses: {
    200: { description: 'The built file, for any origin (`Access-Control-Allow-Origin: *`)', headers: fileHeaders(cache, stable), content: { [type]: { schema: z.string() } } },
    304: { description: 'Not Modified: `If-None-Match` names this representation', headers: fileHeaders(cache, stable) },
    404: NOT_BUILT,
  },
});

const ManifestEntrySchema = z.object({
  file: z.string().describe('The content-addressed name, served from the proxy’s root'),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  integrity: z.string().regex(/^sha384-/).describe('For the snippet’s `integrity` attribute'),
  bytes: z.number().int(),
  gzip: z.number().int(),
  br: z.number().int(),
});

/**
 * The widget's files in the OpenAPI document: the stable names, the
 * content-addressed ones and the manifest that links them.
 *
 * @example
 * createDocument({ openapi: '3.1.0', info, paths: { ...widgetFilePaths() } })
 */
export function widgetFilePaths(): ZodOpenApiPathsObject {
  return {
    '/survey_widget.js': { get: file('getWidgetScript', 'The widget script', 'text/javascript', STABLE_CACHE, true) },
    '/survey_widget.css': { get: file('getWidgetStyles', 'The widget stylesheet, adopted into its shadow root', 'text/css', STABLE_CACHE, true) },
    '/{file}': {
      get: {
        ...file('getHashedWidgetFile', 'The widget script or stylesheet under its content-addressed name', 'text/javascript', IMMUTABLE_CACHE, false),
        requestParams: {
          path: z.object({ file: z.string().regex(/^survey_widget\.[0-9a-f]{8,64}\.(js|css)$/).describe('`survey_widget.<hash>.js` or `.css`, as named by the manifest') }),
        },
        responses: {
          200: { description: 'The file (`text/javascript` or `text/css`), cacheable for a year', headers: fileHeaders(IMMUTABLE_CACHE, false), content: { 'text/javascript': { schema: z.string() }, 'text/css': { schema: z.string() } } },
          304: { description: 'Not Modified', headers: fileHeaders(IMMUTABLE_CACHE, false) },
          404: errorReply('Not built yet, or a name that is not the current build’s; the message names the current one. Never cached.'),
        },
      },
    },
    [WIDGET_MANIFEST_PATH]: {
      get: {
        operationId: 'getWidgetManifest',
        summary: 'The current build’s content-addressed names and SRI hashes',
        description:
          'Pin a build with `<script src="https://proxy.example/{file}" integrity="{integrity}" crossorigin="anonymous">`. A proxy serves only its current build: re-read this after each deploy, or load the stable `/survey_widget.js`.',
        tags: ['Widget'],
        responses: {
          200: {
            description: 'The script and the stylesheet, by stable name; the same as `dist/widget-manifest.json`',
            headers: z.object({ 'Cache-Control': z.literal(STABLE_CACHE) }),
            content: { 'application/json': { schema: z.object({ 'survey_widget.js': ManifestEntrySchema, 'survey_widget.css': ManifestEntrySchema }) } },
          },
          404: NOT_BUILT,
        },
      },
    },
  };
}
