import { z } from 'zod';
import { EmailTemplateSchema, TextMessageTemplateSchema } from '../../shared/api/api-schemas';
import { isTimeZone } from '../../shared/periods/zoned-time';

/**
 * Survey params signed by the merchant's server (`data-survey-params-jwt`).
 * The file names where each key is, never the key: each key id maps to an
 * environment variable holding the secret. Several ids at once is a rotation.
 */
const SignedParamsSettingsSchema = z.object({
  required: z
    .boolean()
    .default(false)
    .describe("Every survey of the org refuses responses without valid signed params; a survey file's require_signed_params does it for one survey"),
  keys: z
    .record(
      z.string().regex(/^[A-Za-z0-9._:-]{1,64}$/, 'a key id of letters, digits, . _ : and -, at most 64'),
      z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'an environment variable name such as ACME_SIGNING_KEY_2026_11'),
    )
    .default({})
    .describe('Key id (the token header\'s kid) → the environment variable holding its HS256 secret, at least 32 bytes'),
});

/** `{SURVEYS_DIR}/{org}/_org.json`: settings of one org. Every key optional. */
export const OrgFileSchema = z.object({
  $schema: z.string().optional(),
  time_zone: z
    .string()
    .refine(isTimeZone, { message: 'an IANA time zone such as Europe/London' })
    .default('UTC')
    .describe('The time zone date periods (yesterday, last_month…) are computed in'),
  // The seed: "the organisation's 'over-survey protection' setting". Off unless the org sets it.
  over_survey_protection_days: z
    .number()
    .int()
    .min(0)
    .max(365)
    .default(0)
    .describe('At most one feedback request per customer (email or SMS number) within this many days; 0 turns the protection off. ignore_throttle on a request skips it'),
  // The dashboard shows a response's reference and machine_id as links into the merchant's own systems.
  reference_url: linkPattern('reference').optional(),
  machine_id_url: linkPattern('machine_id').optional(),
  signed_params: SignedParamsSettingsSchema.optional(),
});

/** An http(s) URL holding `{name}` where the value goes (URL-encoded), e.g. `https://crm.example/orders/{reference}`. */
function linkPattern(name: string) {
  return z
    .string()
    .max(500)
    .refine((v) => v.includes(`{${name}}`) && /^https?:\/\/[^\s]+$/i.test(v) && URL.canParse(v.replaceAll(`{${name}}`, 'x')), {
      message: `an http(s) URL containing {${name}}`,
    })
    .describe(`The dashboard links each response's ${name} to this URL, {${name}} replaced by the value`);
}

/**
 * `{SURVEYS_DIR}/{org}/_templates.json`: the org's email and text message
 * templates, as `GET /email_templates` and `GET /text_message_templates`
 * list them (the seed's attributes; optional ones default).
 */
export const TemplatesFileSchema = z.object({
  $schema: z.string().optional(),
  email_templates: z
    .array(EmailTemplateSchema.extend({ from_name: z.string().nullable().default(null), from_email: z.string().nullable().default(null), archived: z.boolean().default(false) }))
    .default([]),
  text_message_templates: z.array(TextMessageTemplateSchema.extend({ archived: z.boolean().default(false) })).default([]),
});

export type OrgFile = z.infer<typeof OrgFileSchema>;
export type TemplatesFile = z.infer<typeof TemplatesFileSchema>;
