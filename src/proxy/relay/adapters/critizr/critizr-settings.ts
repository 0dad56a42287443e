/**
 * Critizr's part of an org's relay file (`SURVEYS_DIR/{org}/_relay.json` with
 * `"provider": "critizr"`): where the Solicitation API is, the senders the org
 * sends as, how our surveys and sites map onto Critizr's survey and place ids,
 * which Critizr context attribute each of our extra fields fills, and the NAME
 * of the environment variable holding the access token. Seed:
 * /work/shared/seeds/critizr-solicitation-api.txt.
 *
 * Critizr has no template ids: the invitation's wording belongs to the Critizr
 * survey, so our email and text message template ids map to nothing.
 */
import { z } from 'zod';

const envName = z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'an environment variable name such as CRITIZR_TOKEN');
const ourId = (what: string) => z.string().regex(/^[1-9]\d*$/, `our ${what} id, in digits`);
// "the "id" attribute is the answer" (for places and surveys alike). The seed quotes them as strings
// ("{survey_id}"); a number from the file is kept as its text.
const critizrId = z.union([z.string().trim().min(1), z.number().int().nonnegative()]).transform(String);

/** A plain address, as the contract fake reads one. */
export const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;
// "If you send an email the format must be "Your name <[email protected]>"." A name, one space, the
// address in angle brackets, nothing around it.
const EMAIL_SENDER = /^([^<>]*[^<>\s]) <([^<>\s]+)>$/;
// "For SMS the format must be a label of maximum 11 characters containing only numbers, spaces and/or
// letters without accents." ASCII only, and not spaces alone (a label that labels nothing).
const SMS_SENDER = /^(?=.*[A-Za-z0-9])[A-Za-z0-9 ]{1,11}$/;

const emailSender = z.string().refine((s) => EMAIL.test(EMAIL_SENDER.exec(s)?.[2] ?? ''), {
  message: 'an email sender must be "Your name <address@example.com>"',
});
const smsSender = z.string().regex(SMS_SENDER, 'an SMS sender is a label of at most 11 characters: letters without accents, numbers and spaces');

/** One entry of the account's `GET /v2/configuration`: ""required" tells you which attribute is mandatory or not". */
const ContextAttributeSchema = z.object({ name: z.string().min(1), required: z.boolean().default(false) });

/**
 * @example
 * CritizrSettingsSchema.parse({
 *   provider: 'critizr',
 *   email_sender: 'Acme <feedback@acme.example>',
 *   sms_sender: 'ACME',
 *   places: { newcastle: '4242' },
 *   surveys: { '1484': '1337' },
 *   additional_information: ['staff_code', 'category'],
 *   token_env: 'ACME_CRITIZR_TOKEN',
 * });
 */
export const CritizrSettingsSchema = z
  .object({
    provider: z.literal('critizr'),
    // "Use the endpoint url https://api.critizr.com/v2/solicitations". Overridable for sandboxes and for
    // the contract fake on loopback.
    base_url: z
      .url({ protocol: /^https?$/ })
      .transform((url) => url.replace(/\/+$/, ''))
      .default('https://api.critizr.com'),
    /** The `sender` of email solicitations; unset, email requests are refused by check(). */
    email_sender: emailSender.optional(),
    /** The `sender` of SMS solicitations; unset, SMS requests are refused by check(). */
    sms_sender: smsSender.optional(),
    // "Retrieve the "place-id": Call … /v2/places with the GET parameter "partner_id" filled in with your
    // internal point of sales code." Our site_code is that code; the org resolves it once, here.
    /** Our `site_code` (a `data[]` key) -> the Critizr place id. */
    places: z.record(z.string().min(1), critizrId).default({}),
    /** The place for requests whose site_code is absent or maps to none in `places`. */
    place: critizrId.optional(),
    // "Retrieve the "survey-id": Call … /v2/surveys to obtain the ID corresponding to the right survey."
    /** Our `survey_id` -> the Critizr survey id. */
    surveys: z.record(ourId('survey'), critizrId).default({}),
    /** The survey for requests whose survey_id maps to none in `surveys`. */
    survey: critizrId.optional(),
    /**
     * What fills "additional_information_1", "_2", … in order: `data[]` keys, or `reference` /
     * `machine_id`. Whatever the request carries beyond these follows in the next slots as
     * `key: value`, so nothing the merchant gave is lost.
     */
    additional_information: z.array(z.string().min(1)).default([]),
    /**
     * The account's context attributes as `GET /v2/configuration` lists them. When given, check()
     * refuses a request missing a required one or needing an attribute the account lacks.
     */
    context_attributes: z.array(ContextAttributeSchema).optional(),
    /** Critizr solicitations have no reminders: requests with `reminders[]` are refused unless this is set. */
    ignore_reminders: z.boolean().default(false),
    token_env: envName,
  })
  .refine((s) => s.email_sender !== undefined || s.sms_sender !== undefined, { message: 'name an email_sender, an sms_sender or both', path: ['email_sender'] })
  .refine((s) => s.place !== undefined || Object.keys(s.places).length > 0, { message: 'name a place, or places for every site', path: ['place'] })
  .refine((s) => s.survey !== undefined || Object.keys(s.surveys).length > 0, { message: 'name a survey, or surveys for every survey_id', path: ['survey'] })
  .refine((s) => new Set(s.additional_information).size === s.additional_information.length, {
    message: 'each key fills one additional_information slot',
    path: ['additional_information'],
  });

export type CritizrSettings = z.infer<typeof CritizrSettingsSchema>;

/** The access token, as resolved from the environment ("you can use your access token to make direct requests"). */
export interface CritizrSecrets {
  token: string;
}

/**
 * Which environment variable holds which secret; the config loader reads them.
 *
 * @example
 * critizrSecretEnvNames(settings) // { token: 'ACME_CRITIZR_TOKEN' }
 */
export function critizrSecretEnvNames(settings: CritizrSettings): Record<keyof CritizrSecrets, string> {
  return { token: settings.token_env };
}
