import { z } from 'zod';
import { ANSWER_TYPES } from '../survey-schema';
import { LOCALES } from '../param-keys';
import { FeedbackRequestSummarySchema } from './feedback-request-schemas';

/**
 * The CustomerSure REST API v1 resources as this proxy serves them, one zod
 * schema each: the OpenAPI document is generated from these, the handlers'
 * JSON is typed by them, and the dashboard can read the same shapes.
 * "Blank fields are included as null instead of being omitted"; timestamps
 * are `YYYY-MM-DDTHH:MM:SSZ` in UTC.
 */

const timestamp = z.string().describe('ISO 8601 in UTC: YYYY-MM-DDTHH:MM:SSZ');
const nullableText = z.string().nullable();

export const SiteSchema = z
  .object({
    id: z.string().describe('Our unique identifier for the site (a string of digits, as in the seed)'),
    site_code: z.string().describe('Your unique identifier for the site; responses carrying it are linked to the site'),
    name: z.string(),
    city: nullableText,
    region: nullableText,
    site_type: nullableText,
  })
  .meta({ id: 'Site' });

export const StaffSchema = z
  .object({
    id: z.string(),
    code: z.string().describe('Your unique identifier for this person; responses whose staff_code matches are linked'),
    first_name: z.string(),
    surname: nullableText,
    email: nullableText,
    time_zone: nullableText,
    deactivated_at: timestamp.nullable(),
    team_id: nullableText,
  })
  .meta({ id: 'Staff' });

export const SurveySummarySchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    locale: z.enum(LOCALES).nullable(),
    questions: z.array(z.object({ id: z.number().int(), question: z.string(), answer_type: z.enum(ANSWER_TYPES) })),
  })
  .meta({ id: 'Survey' });

export const FeedbackResponseSchema = z
  .object({
    id: z.number().int(),
    reference: nullableText,
    machine_id: nullableText,
    fields: z
      .record(z.string(), nullableText)
      .describe('The customer fields (name, email, telephone_number, company_name, postcode; null when blank) and every other key passed with the response'),
    answers: z.array(
      z.object({
        question_id: z.number().int(),
        question: z.string().describe('The question as it was asked'),
        answer: z.string().describe('Ratings as digits, checkbox choices joined with ", "'),
        type: z.enum(ANSWER_TYPES),
      }),
    ),
    submitted_at: timestamp,
    updated_at: timestamp,
    feedback_request: FeedbackRequestSummarySchema.nullable().describe('The feedback request the response answers (through its link or a system reporting a review), or null'),
    survey: z.object({ id: z.number().int(), name: z.string().nullable() }),
    verified: z
      .boolean()
      .describe('Not in the seed. True when the survey params came signed by the merchant’s server (data-survey-params-jwt) and verified: every signed key is as signed; keys not signed, such as what the visitor typed, are not'),
  })
  .meta({ id: 'FeedbackResponse' });

export const EmailTemplateSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    from_name: nullableText,
    from_email: nullableText,
    subject: z.string(),
    body: z.string(),
    locale: z.enum(LOCALES),
    archived: z.boolean(),
  })
  .meta({ id: 'EmailTemplate' });

export const TextMessageTemplateSchema = z
  .object({ id: z.number().int(), name: z.string(), body: z.string(), locale: z.enum(LOCALES), archived: z.boolean() })
  .meta({ id: 'TextMessageTemplate' });

const range = {
  from_time: timestamp.describe('The start of the range counted (not in the seed: echoed so callers see what a period meant)'),
  to_time: timestamp,
};

export const NpsSchema = z
  .object({
    net_promoter_score: z.number().int().nullable().describe('null when there are no ratings'),
    promoter_count: z.number().int(),
    passive_count: z.number().int(),
    detractor_count: z.number().int(),
    total_number_of_ratings: z.number().int(),
    ...range,
  })
  .meta({ id: 'Nps' });

export const CsatSchema = z
  .object({
    csat: z.number().int().nullable().describe('Percent of ratings that are 4 or 5; null when there are none'),
    very_negative_count: z.number().int(),
    negative_count: z.number().int(),
    neutral_count: z.number().int(),
    positive_count: z.number().int(),
    very_positive_count: z.number().int(),
    total_number_of_ratings: z.number().int(),
    ...range,
  })
  .meta({ id: 'Csat' });

export type SiteJson = z.infer<typeof SiteSchema>;
export type StaffJson = z.infer<typeof StaffSchema>;
export type SurveySummaryJson = z.infer<typeof SurveySummarySchema>;
export type FeedbackResponseJson = z.infer<typeof FeedbackResponseSchema>;
export type EmailTemplateJson = z.infer<typeof EmailTemplateSchema>;
export type TextMessageTemplateJson = z.infer<typeof TextMessageTemplateSchema>;
