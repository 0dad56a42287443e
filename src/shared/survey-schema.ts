import { z } from 'zod';
import { DisplaySchema } from './display-schema';
import { BUILTIN_SEGMENTS, CUSTOMER_FIELDS, LOCALES, MAX_KEY_LENGTH, MAX_VALUE_LENGTH } from './param-keys';

/**
 * A survey definition: CustomerSure's v1 `surveys` resource (`id`, `name`,
 * `locale`, `questions[]` with `id`, `question`, `answer_type`) extended with
 * what a widget needs. The proxy reads these from JSON files and validates them
 * here; the widget only imports the inferred types (zod stays off the browser).
 */

const text = (max: number) => z.string().trim().min(1).max(max);

export const ANSWER_TYPES = ['Rating', 'Text', 'Dropdown', 'Radio', 'Checkbox'] as const;
export type AnswerType = (typeof ANSWER_TYPES)[number];

export const RatingScaleSchema = z.union([
  z.enum(['nps', 'csat']).describe('nps: 0-10, csat: 1-5, with their usual end labels'),
  z
    .object({
      min: z.number().int().min(0).max(10),
      max: z.number().int().min(1).max(10),
      min_label: text(60).optional(),
      max_label: text(60).optional(),
    })
    .refine((s) => s.max > s.min, { message: 'max must be greater than min', path: ['max'] }),
]);
export type RatingScale = z.infer<typeof RatingScaleSchema>;

const questionBase = {
  id: z.number().int().positive().describe('Unique within the survey; answers refer to it'),
  question: text(500).describe('The question text'),
  description: text(500).optional().describe('Help text shown under the question'),
  required: z.boolean().default(false),
};

const choiceFields = {
  options: z.array(text(MAX_VALUE_LENGTH)).min(1).max(50)
    .refine((o) => new Set(o).size === o.length, { message: 'options must be unique' }),
  segment: z.string().min(1).max(MAX_KEY_LENGTH).optional()
    .describe('The segment key this question asks about: staff_code, site_code or one of custom_segments'),
};

export const QuestionSchema = z.discriminatedUnion('answer_type', [
  z.object({ ...questionBase, answer_type: z.literal('Rating'), scale: RatingScaleSchema.default('nps') }),
  z.object({
    ...questionBase,
    answer_type: z.literal('Text'),
    multiline: z.boolean().default(true),
    max_length: z.number().int().min(1).max(5000).default(2000),
  }),
  z.object({ ...questionBase, answer_type: z.literal('Dropdown'), ...choiceFields }),
  z.object({ ...questionBase, answer_type: z.literal('Radio'), ...choiceFields }),
  z.object({ ...questionBase, answer_type: z.literal('Checkbox'), ...choiceFields }),
]);
export type Question = z.infer<typeof QuestionSchema>;
export type ChoiceQuestion = Extract<Question, { options: string[] }>;

export const CustomerFieldQuestionSchema = z.object({
  field: z.enum(CUSTOMER_FIELDS),
  required: z.boolean().default(false),
  label: text(100).optional().describe('Defaults to the field name in the survey locale'),
});
export type CustomerFieldQuestion = z.infer<typeof CustomerFieldQuestionSchema>;

export const TriggerSchema = z.object({
  type: z.enum(['button', 'tab', 'none']).default('button')
    .describe('button: floating corner button; tab: edge tab; none: only your own buttons or scripts open it'),
  position: z.enum(['right', 'left']).default('right'),
  label: text(40).optional(),
});

export const SurveySchema = z
  .object({
    $schema: z.string().optional(),
    id: z.number().int().positive().describe('CustomerSure survey id'),
    name: text(200),
    locale: z.enum(LOCALES).optional()
      .describe("The survey's language; data-widget-params may override it, and without it the page's <html lang> decides"),
    title: text(200).optional().describe('Heading of the popover; defaults to name'),
    intro: text(1000).optional(),
    questions: z.array(QuestionSchema).min(1).max(50),
    customer_fields: z.array(CustomerFieldQuestionSchema).max(CUSTOMER_FIELDS.length).default([])
      .describe('Customer fields shown as editable questions; the others travel hidden'),
    custom_segments: z.array(z.string().min(1).max(MAX_KEY_LENGTH)).max(50).default([])
      .describe("The account's custom segment keys, besides staff_code and site_code"),
    trigger: TriggerSchema.default({ type: 'button', position: 'right' }),
    thank_you: z.object({ title: text(200).optional(), message: text(1000).optional() }).default({}),
    // prefault: the empty object goes through DisplaySchema, so its defaults are written once, there.
    display: DisplaySchema.prefault({})
      .describe('Automatic triggers and display rules; without triggers the survey opens only when asked'),
    require_signed_params: z.boolean().optional()
      .describe("Refuse responses whose params are not signed by your server (data-survey-params-jwt, keys in the org's _org.json)"),
  })
  .superRefine((survey, ctx) => {
    const ids = survey.questions.map((q) => q.id);
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i) ctx.addIssue({ code: 'custom', path: ['questions', i, 'id'], message: `duplicate question id ${id}` });
    });
    const fields = survey.customer_fields.map((f) => f.field);
    fields.forEach((f, i) => {
      if (fields.indexOf(f) !== i) ctx.addIssue({ code: 'custom', path: ['customer_fields', i], message: `duplicate customer field ${f}` });
    });
    const segments: string[] = [...BUILTIN_SEGMENTS, ...survey.custom_segments];
    survey.questions.forEach((q, i) => {
      if ('segment' in q && q.segment !== undefined && !segments.includes(q.segment)) {
        ctx.addIssue({
          code: 'custom',
          path: ['questions', i, 'segment'],
          message: `segment "${q.segment}" is neither staff_code, site_code nor listed in custom_segments`,
        });
      }
    });
  });

/** A validated survey definition, defaults applied: what the proxy serves and the widget renders. */
export type Survey = z.infer<typeof SurveySchema>;
/** A survey file as written by hand, before defaults. */
export type SurveyInput = z.input<typeof SurveySchema>;
