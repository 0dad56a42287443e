import { z } from 'zod';
import { DATE_PERIODS } from '../../shared/periods/date-periods';
import { TIMESTAMP_FORMAT } from '../../shared/periods/parse-timestamp';
import { DEFAULT_PER_PAGE, MAX_PER_PAGE } from '../api/pagination';

/**
 * The v1 API's query parameters as zod schemas, for the OpenAPI document
 * only: the handlers read them with `readPage` and `readQuery`, which answer
 * 422 naming the parameter for anything these do not allow.
 */

const timestamp = (description: string) =>
  z
    .string()
    .regex(new RegExp(TIMESTAMP_FORMAT))
    .optional()
    .meta({
      description: `${description}. ISO 8601 in any zone, UTC when none is given; URL-encode a \`+\` offset as \`%2B\``,
      examples: ['2023-08-20T18:00:00+01:00'],
    });

const ids = (what: string) =>
  z
    .array(z.number().int().min(1))
    .optional()
    .describe(`Only ${what} with these ids: \`${what}_ids[]=1&${what}_ids[]=2\` (\`${what}_ids=1,2\` is read too)`);

/** `page` and `per_page`, on every list. */
export const PageQuerySchema = z.object({
  page: z.number().int().min(1).default(1).describe('The page to return; past the last page the list is empty'),
  per_page: z.number().int().min(1).max(MAX_PER_PAGE).default(DEFAULT_PER_PAGE).describe(`Items per page, at most ${MAX_PER_PAGE}`),
});

const linkFilters = {
  'survey_ids[]': ids('survey'),
  'site_ids[]': ids('site'),
  'staff_ids[]': ids('staff'),
};

/** `GET /feedback_responses`. */
export const FeedbackQuerySchema = PageQuerySchema.extend({
  created_since: timestamp('Only responses submitted at or after this time'),
  updated_since: timestamp('Only responses updated at or after this time'),
  email: z.string().optional().describe('Only responses from this customer email (case-insensitive)'),
  ...linkFilters,
  verified: z.boolean().optional().describe('Not in the seed: only responses whose survey params were (true) or were not (false) signed by your server and verified'),
});

/** `GET /staff`. */
export const StaffQuerySchema = PageQuerySchema.extend({
  email: z.string().optional().describe('Only the staff member with this email (case-insensitive)'),
  code: z.string().optional().describe('Only the staff member with this code'),
});

/** `GET /nps` and `GET /csat`. */
export const MetricsQuerySchema = z.object({
  from_time: timestamp('Count ratings from this time; default midnight 30 days ago in the org’s time zone'),
  to_time: timestamp('Count ratings up to this time; default now'),
  period: z
    .enum(DATE_PERIODS)
    .optional()
    .describe('A named period in the org’s time zone; when given, from_time and to_time are ignored'),
  company_name: z.string().optional().describe('Only responses whose company_name contains this (case-insensitive)'),
  ...linkFilters,
});
