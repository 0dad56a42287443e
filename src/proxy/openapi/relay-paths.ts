import { z } from 'zod';
import type { ZodOpenApiPathsObject, ZodOpenApiResponseObject } from 'zod-openapi';
import { FeedbackRequestCreateSchema } from '../../shared/api/feedback-request-inputs';
import { FEEDBACK_REQUEST_STATES, FeedbackRequestSchema, ResponseRateSchema } from '../../shared/api/feedback-request-schemas';
import { apiOperation } from './api-operation';
import { PageQuerySchema } from './api-query';
import { ERROR_REPLIES, errorReply } from './error-replies';
import { listReply } from './list-reply';

const ids = (description: string) => z.array(z.number().int().min(1)).optional().describe(description);
const time = (description: string) => z.string().optional().describe(`${description} (ISO 8601)`);
const html = (description: string): ZodOpenApiResponseObject => ({ description, content: { 'text/html': { schema: z.string() } } });
const plain = (description: string): ZodOpenApiResponseObject => ({ description, content: { 'text/plain': { schema: z.string() } } });

/**
 * Feedback requests, the response rate, the hosted survey page and the
 * systems' callbacks, as `feedbackRequests`, `responseRate`, `hostedRoutes`
 * and `securatingCallback` serve them.
 */
export function relayPaths(): ZodOpenApiPathsObject {
  return {
    '/api/feedback_requests': {
      post: apiOperation({
        operationId: 'createFeedbackRequest',
        summary: 'Create a feedback request',
        description:
          'Stores the request and queues its relay to the org’s system (`_relay.json`) in one transaction; it is sent at `send_at`. ' +
          'A request the system’s rules would refuse is a 422 here. Send an `Idempotency-Key` header (e.g. a UUID) to make a retry safe: ' +
          'the same key and body answer the first request again (with `Idempotent-Replayed: true`), the same key with another body is a 422. ' +
          'Over-survey protection (`over_survey_protection_days` in `_org.json`) creates the request as `not_sent` unless `ignore_throttle`.',
        tags: ['Feedback requests'],
        body: FeedbackRequestCreateSchema,
        responses: {
          201: { description: 'The new request (or, for a replayed Idempotency-Key, the first one)', headers: z.object({ Location: z.url() }), content: { 'application/json': { schema: FeedbackRequestSchema } } },
        },
      }),
      get: apiOperation({
        operationId: 'listFeedbackRequests',
        summary: 'List feedback requests',
        description: 'Newest first.',
        tags: ['Feedback requests'],
        query: PageQuerySchema.extend({
          state: z.enum(FEEDBACK_REQUEST_STATES).optional().describe('Only requests in this state'),
          email: z.string().optional().describe('Only requests to this email (case-insensitive)'),
          'survey_ids[]': ids('Only requests for these surveys'),
        }),
        responses: { 200: listReply(FeedbackRequestSchema, 'A page of requests, newest first'), 422: ERROR_REPLIES.validationFailed },
      }),
    },
    '/api/feedback_requests/{id}': {
      get: apiOperation({
        operationId: 'getFeedbackRequest',
        summary: 'Get a feedback request, with its timeline',
        tags: ['Feedback requests'],
        path: z.object({ id: z.number().int().min(1) }),
        responses: { 200: { description: 'The request', content: { 'application/json': { schema: FeedbackRequestSchema } } }, 404: ERROR_REPLIES.notFound },
      }),
    },
    '/api/response_rate': {
      get: apiOperation({
        operationId: 'getResponseRate',
        summary: 'Retrieve your response rate',
        description: 'Requests sent in the range, those delivered, those replied to; the rate is replies over delivered.',
        tags: ['Metrics'],
        query: z.object({
          from_time: time('Default midnight 32 days ago in the org’s time zone'),
          to_time: time('Default midnight 2 days ago in the org’s time zone'),
          'survey_ids[]': ids('Only requests for these surveys'),
          'site_ids[]': ids('Only requests whose data[] site_code is one of these sites'),
        }),
        responses: {
          200: { description: 'The response rate', content: { 'application/json': { schema: ResponseRateSchema.extend({ from_time: z.string(), to_time: z.string() }) } } },
          422: ERROR_REPLIES.validationFailed,
        },
      }),
    },
    '/s/{token}': {
      get: {
        operationId: 'getHostedSurvey',
        summary: 'A feedback request’s survey page (its `link`)',
        description: 'The survey full-page, prefilled from the request; a response through it is linked to the request.',
        tags: ['Relay'],
        requestParams: { path: z.object({ token: z.string().describe('The link’s unguessable token') }) },
        responses: { 200: html('The survey page, or a thank-you when already answered'), 404: html('No such link') },
      },
    },
    '/hosted.js': { get: { operationId: 'getHostedScript', summary: 'The hosted page’s start-up script', tags: ['Relay'], responses: { 200: { description: 'JavaScript', content: { 'text/javascript': { schema: z.string() } } } } } },
    '/hosted.css': { get: { operationId: 'getHostedStyles', summary: 'The hosted page’s stylesheet', tags: ['Relay'], responses: { 200: { description: 'CSS', content: { 'text/css': { schema: z.string() } } } } } },
    '/relay/securating/{token}': Object.fromEntries(
      (['get', 'post'] as const).map((method) => [
        method,
        {
          operationId: `securatingCallback${method === 'get' ? '' : 'Post'}`,
          summary: 'Securating’s webhook for one request',
          description: 'Called by Securating with `step` (and `rating`, `comment` at review-saved). Answers `ok`.',
          tags: ['Relay'],
          requestParams: {
            path: z.object({ token: z.string().describe('The request’s unguessable callback token') }),
            query: z.object({ step: z.enum(['invitation-created', 'mail-send', 'mail-recall', 'link-opened', 'review-saved']), rating: z.string().optional(), comment: z.string().optional().describe('base64') }),
          },
          responses: { 200: plain('`ok`'), 400: plain('An unknown step or an unreadable review'), 404: plain('No such request') },
        },
      ]),
    ),
  };
}
