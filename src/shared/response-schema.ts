import { z } from 'zod';
import { CODE_PATTERN } from './param-keys';

export { CODE_PATTERN };

/**
 * The body the widget posts to `POST {proxy}/v1/responses`. The three group
 * names (`customer`, `segments`, `metadata`) are the contract; the proxy
 * re-sorts their union with the shared rules rather than trusting them.
 */

const code = z.string().regex(CODE_PATTERN, 'letters, digits, - and _ only, at most 64');
/** Keys allowed in each of `customer`, `segments` and `metadata`: a real page passes a handful. */
export const MAX_GROUP_KEYS = 50;
const group = z
  .record(z.string(), z.string())
  // `when`: counted even when some values are wrong too (zod skips refinements then), but only on a record.
  .refine((params) => Object.keys(params).length <= MAX_GROUP_KEYS, {
    error: (issue) => `at most ${MAX_GROUP_KEYS} keys; this has ${Object.keys(issue.input as object).length}`,
    when: (payload) => typeof payload.value === 'object' && payload.value !== null && !Array.isArray(payload.value),
  })
  .meta({ maxProperties: MAX_GROUP_KEYS })
  .default({});

export const AnswerSchema = z.object({
  question_id: z.number().int().positive(),
  answer: z.union([z.number(), z.string(), z.array(z.string())]),
});

export const ResponsePayloadSchema = z.object({
  id: z.uuidv4().describe('Client-generated; the idempotency key of the response'),
  org: code,
  survey: code,
  answers: z.array(AnswerSchema).max(100),
  customer: group,
  segments: group,
  metadata: group,
  locale: z.string().max(35).optional(),
  // A link the dashboard shows: a javascript: or data: one would run when a merchant clicks it.
  page_url: z.url({ protocol: /^https?$/, error: 'must be an http or https URL' }).max(2048).optional(),
  submitted_at: z.iso.datetime({ offset: true }),
  signed_params: z.string().max(8192).optional().describe("data-survey-params-jwt: the survey params signed by the merchant's server (HS256 JWT); never stored"),
});

export type ResponsePayload = z.infer<typeof ResponsePayloadSchema>;

/** A response as stored and returned by the proxy (201 body). */
export interface StoredResponse {
  id: string;
  org: string;
  survey: string;
  survey_id: number;
  answers: { question_id: number; question: string; type: string; answer: number | string | string[] }[];
  customer: Record<string, string>;
  segments: Record<string, string>;
  metadata: Record<string, string>;
  reference: string | null;
  machine_id: string | null;
  locale: string | null;
  page_url: string | null;
  submitted_at: string;
  received_at: string;
  /** True when the params came signed by the merchant's server and verified: every signed key is as signed. */
  verified: boolean;
}
