import { z } from 'zod';
import type { ZodOpenApiPathsObject, ZodOpenApiResponseObject } from 'zod-openapi';
import { SiteCreateSchema, SitePatchSchema, StaffCreateSchema, StaffPatchSchema } from '../../shared/api/api-inputs';
import {
  CsatSchema,
  EmailTemplateSchema,
  FeedbackResponseSchema,
  NpsSchema,
  SiteSchema,
  StaffSchema,
  SurveySummarySchema,
  TextMessageTemplateSchema,
} from '../../shared/api/api-schemas';
import { apiOperation } from './api-operation';
import { FeedbackQuerySchema, MetricsQuerySchema, PageQuerySchema, StaffQuerySchema } from './api-query';
import { ERROR_REPLIES } from './error-replies';
import { listReply } from './list-reply';

const FeedbackIdSchema = z.object({ id: z.number().int().min(1).describe('The response’s id') });
const SiteIdSchema = z.object({ id: z.string().min(1).describe('Our id for the site, or your `site_code` (`/sites/hq`)') });
const StaffIdSchema = z.object({ id: z.string().regex(/^[1-9]\d{0,15}$/).describe('Our id for the staff member') });

const one = (schema: z.ZodType, description: string): ZodOpenApiResponseObject => ({
  description,
  content: { 'application/json': { schema } },
});

const created = (schema: z.ZodType, description: string): ZodOpenApiResponseObject => ({
  ...one(schema, description),
  headers: z.object({ Location: z.url().describe('The new record’s URL') }),
});

const invalidQuery = { 422: ERROR_REPLIES.validationFailed };

/**
 * The CustomerSure REST API v1 as `createApi` serves it under `/api`: every
 * route of `src/proxy/api/routes`, with the replies the handlers and the
 * middleware can give.
 *
 * @example
 * createDocument({ openapi: '3.1.0', info, paths: { ...apiPaths() } })
 */
export function apiPaths(): ZodOpenApiPathsObject {
  return {
    '/api/feedback_responses': {
      get: apiOperation({
        operationId: 'listFeedbackResponses',
        summary: 'List feedback responses',
        description: 'Returned in reverse chronological order. Every filter is combined with AND.',
        tags: ['Feedback responses'],
        query: FeedbackQuerySchema,
        responses: { 200: listReply(FeedbackResponseSchema, 'A page of responses, newest first'), ...invalidQuery },
      }),
    },
    '/api/feedback_responses/{id}': {
      get: apiOperation({
        operationId: 'getFeedbackResponse',
        summary: 'Get a feedback response',
        tags: ['Feedback responses'],
        path: FeedbackIdSchema,
        responses: { 200: one(FeedbackResponseSchema, 'The response'), 404: ERROR_REPLIES.notFound },
      }),
    },
    '/api/surveys': {
      get: apiOperation({
        operationId: 'listSurveys',
        summary: 'List surveys',
        description: 'The org’s survey files, sorted by name.',
        tags: ['Surveys'],
        query: PageQuerySchema,
        responses: { 200: listReply(SurveySummarySchema, 'A page of surveys, by name'), ...invalidQuery },
      }),
    },
    '/api/sites': {
      get: apiOperation({
        operationId: 'listSites',
        summary: 'List sites',
        tags: ['Sites'],
        query: PageQuerySchema,
        responses: { 200: listReply(SiteSchema, 'A page of sites, by name'), ...invalidQuery },
      }),
      post: apiOperation({
        operationId: 'createSite',
        summary: 'Create a site',
        description: '`site_code` is unique per org; responses already carrying it are linked to the new site.',
        tags: ['Sites'],
        body: SiteCreateSchema,
        responses: { 201: created(SiteSchema, 'The new site') },
      }),
    },
    '/api/sites/{id}': {
      get: apiOperation({
        operationId: 'getSite',
        summary: 'Get a site',
        tags: ['Sites'],
        path: SiteIdSchema,
        responses: { 200: one(SiteSchema, 'The site'), 404: ERROR_REPLIES.notFound },
      }),
      patch: apiOperation({
        operationId: 'updateSite',
        summary: 'Update a site',
        description: 'Only the keys sent change; a blank optional field becomes null.',
        tags: ['Sites'],
        path: SiteIdSchema,
        body: SitePatchSchema,
        responses: { 200: one(SiteSchema, 'The site as updated'), 404: ERROR_REPLIES.notFound },
      }),
    },
    '/api/staff': {
      get: apiOperation({
        operationId: 'listStaff',
        summary: 'List staff',
        tags: ['Staff'],
        query: StaffQuerySchema,
        responses: { 200: listReply(StaffSchema, 'A page of staff, by first name and surname'), ...invalidQuery },
      }),
      post: apiOperation({
        operationId: 'createStaffMember',
        summary: 'Create a staff member',
        description: 'This proxy’s extension: responses link to staff by `code`, and the seed has no way to create them.',
        tags: ['Staff'],
        body: StaffCreateSchema,
        responses: { 201: created(StaffSchema, 'The new staff member') },
      }),
    },
    '/api/staff/{id}': {
      get: apiOperation({
        operationId: 'getStaffMember',
        summary: 'Get a staff member',
        tags: ['Staff'],
        path: StaffIdSchema,
        responses: { 200: one(StaffSchema, 'The staff member'), 404: ERROR_REPLIES.notFound },
      }),
      patch: apiOperation({
        operationId: 'updateStaffMember',
        summary: 'Update a staff member',
        description: 'This proxy’s extension. Only the keys sent change; a blank optional field becomes null.',
        tags: ['Staff'],
        path: StaffIdSchema,
        body: StaffPatchSchema,
        responses: { 200: one(StaffSchema, 'The staff member as updated'), 404: ERROR_REPLIES.notFound },
      }),
    },
    '/api/email_templates': {
      get: apiOperation({
        operationId: 'listEmailTemplates',
        summary: 'List email templates',
        description: 'Read from the org’s `_templates.json`, sorted by name.',
        tags: ['Templates'],
        query: PageQuerySchema,
        responses: { 200: listReply(EmailTemplateSchema, 'A page of email templates, by name'), ...invalidQuery },
      }),
    },
    '/api/text_message_templates': {
      get: apiOperation({
        operationId: 'listTextMessageTemplates',
        summary: 'List text message templates',
        description: 'Read from the org’s `_templates.json`, sorted by name.',
        tags: ['Templates'],
        query: PageQuerySchema,
        responses: { 200: listReply(TextMessageTemplateSchema, 'A page of text message templates, by name'), ...invalidQuery },
      }),
    },
    '/api/nps': {
      get: apiOperation({
        operationId: 'getNps',
        summary: 'Net Promoter Score',
        description: 'Over NPS ratings (0–10) in the range: promoters 9–10, passives 7–8, detractors 0–6.',
        tags: ['Metrics'],
        query: MetricsQuerySchema,
        responses: { 200: one(NpsSchema, 'The score and its counts'), ...invalidQuery },
      }),
    },
    '/api/csat': {
      get: apiOperation({
        operationId: 'getCsat',
        summary: 'Customer satisfaction',
        description: 'Over CSAT ratings (1–5) in the range.',
        tags: ['Metrics'],
        query: MetricsQuerySchema,
        responses: { 200: one(CsatSchema, 'The score and its counts'), ...invalidQuery },
      }),
    },
  };
}
