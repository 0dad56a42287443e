import { z } from 'zod';
import { DATE_PERIODS } from '../periods/date-periods';

/**
 * The query strings the dashboard's JSON API reads, as zod schemas: the proxy
 * parses with them (every problem a v1 422), the dashboard imports only the
 * inferred types, so zod never reaches its bundle.
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date, YYYY-MM-DD');
const id = z.coerce.number().int().positive().max(2 ** 31 - 1);

export const TREND_BUCKETS = ['day', 'week', 'month'] as const;
export type TrendBucket = (typeof TREND_BUCKETS)[number];

/** Which days: one of the v1 API's 18 periods, or `from`..`to` (local dates, both included); 30-days when neither. */
const rangeFields = {
  period: z.enum(DATE_PERIODS).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
};

/** The rules between the range fields, for every view's schema. */
function checkRange(q: { period?: string; from?: string; to?: string }, ctx: z.RefinementCtx): void {
  if (q.period && (q.from || q.to)) ctx.addIssue({ code: 'custom', message: 'give a period or from/to, not both', path: ['period'] });
  if (Boolean(q.from) !== Boolean(q.to)) ctx.addIssue({ code: 'custom', message: 'from and to go together', path: [q.from ? 'to' : 'from'] });
  if (q.from && q.to && q.from > q.to) ctx.addIssue({ code: 'custom', message: 'from must not be after to', path: ['from'] });
}

export const RangeQuerySchema = z.object(rangeFields).superRefine(checkRange);
export type RangeQuery = z.infer<typeof RangeQuerySchema>;

/** `GET /dashboard/api/overview` */
export const OverviewQuerySchema = z.object({
  ...rangeFields,
  survey_id: id.optional(),
  bucket: z.enum(TREND_BUCKETS).default('day'),
}).superRefine(checkRange);
export type OverviewQuery = z.infer<typeof OverviewQuerySchema>;

/** `GET /dashboard/api/league`: `dimension` is `site_code`, `staff_code` or a custom segment key. */
export const LeagueQuerySchema = z.object({
  ...rangeFields,
  survey_id: id.optional(),
  dimension: z.string().min(1).max(100).default('site_code'),
  min_responses: z.coerce.number().int().min(0).max(1_000_000).default(5),
}).superRefine(checkRange);
export type LeagueQuery = z.infer<typeof LeagueQuerySchema>;

/** A segment filter, `key:value` (site and staff are the segments `site_code` and `staff_code`). */
export const SegmentFilterSchema = z
  .string()
  .regex(/^[^:]{1,100}:.{1,200}$/s, 'key:value')
  .transform((s) => ({ key: s.slice(0, s.indexOf(':')), value: s.slice(s.indexOf(':') + 1) }));
export type SegmentFilter = z.infer<typeof SegmentFilterSchema>;

/** `GET /dashboard/api/responses` and the exports: every part optional, all combined with AND. */
export const ResponseListQuerySchema = z
  .object({
    ...rangeFields,
    survey_id: id.optional(),
    /** Repeatable: `segment=site_code:newcastle&segment=region:North`. */
    segment: z.array(SegmentFilterSchema).max(10).default([]),
    /** A score range on the response's NPS (0-10) or CSAT (1-5) ratings. */
    score_scale: z.enum(['nps', 'csat']).optional(),
    score_min: z.coerce.number().int().min(0).max(10).optional(),
    score_max: z.coerce.number().int().min(0).max(10).optional(),
    /** Case-insensitive "contains" over answers, customer fields, reference and segment values. */
    q: z.string().trim().max(200).optional(),
    /** Opaque, from the previous page's `next_cursor`. */
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(25),
  })
  .refine((q) => q.score_scale !== undefined || (q.score_min === undefined && q.score_max === undefined), {
    message: 'score_min and score_max need score_scale',
    path: ['score_scale'],
  })
  .superRefine(checkRange);
export type ResponseListQuery = z.infer<typeof ResponseListQuerySchema>;

/** `GET /dashboard/api/invitations` */
export const InvitationListQuerySchema = z.object({
  state: z.enum(['pending', 'sent', 'not_sent']).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type InvitationListQuery = z.infer<typeof InvitationListQuerySchema>;

/** `POST /dashboard/api/session`: an org's API token, exchanged for a session cookie. */
export const SignInBodySchema = z.object({ token: z.string().trim().min(1).max(200) });
