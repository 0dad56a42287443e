import { z } from 'zod';

/** Our id (a JSON object key, so digits) to the org's CustomerSure id. */
const idMap = (what: string) =>
  z
    .record(z.string().regex(/^[1-9]\d*$/, { message: `our ${what} id, in digits` }), z.number().int().positive())
    .default({})
    .describe(`Our ${what} ids to the org's CustomerSure ones; an id not listed is passed as it is`);

/**
 * The CustomerSure part of `{SURVEYS_DIR}/{org}/_relay.json`. The token itself never appears:
 * `token_env` names the environment variable holding it.
 */
export const CustomerSureSettingsSchema = z.object({
  provider: z.literal('customersure'),
  // "All API access is over HTTPS, and accessed from the api.customersure.com domain."
  base_url: z
    .url({ protocol: /^https?$/ })
    .transform((url) => url.replace(/\/+$/, ''))
    .default('https://api.customersure.com')
    .describe('The API root; override only for a sandbox or a test double'),
  // "Please use the same company name as you use for your CustomerSure account for the User-Agent
  // header value." A header value is bytes, so printable ASCII only: a name with accents would make
  // every call fail in fetch rather than at load.
  company_name: z
    .string()
    .trim()
    .min(1)
    .regex(/^[\x20-\x7e]+$/, { message: 'printable ASCII (it is sent as the User-Agent header)' })
    .describe("The org's company name in CustomerSure, sent as the User-Agent"),
  token_env: z
    .string()
    .regex(/^[A-Z_][A-Z0-9_]*$/, { message: 'an environment variable name such as CUSTOMERSURE_TOKEN' })
    .describe('The environment variable holding the API token CustomerSure support issued'),
  survey_ids: idMap('survey'),
  email_template_ids: idMap('email template'),
  text_message_template_ids: idMap('text message template'),
  // "Pass in a site_code and ensure at least one site in CustomerSure has that site_code set against it."
  site_codes: z
    .record(z.string().min(1), z.string().min(1).max(100))
    .default({})
    .describe("Our data[] site_code values to the org's CustomerSure site codes; a code not listed is passed as it is"),
});

export type CustomerSureSettings = z.infer<typeof CustomerSureSettingsSchema>;

/** The resolved secret values. */
export interface CustomerSureSecrets {
  /** The API token, sent as `Authorization: Token token="…"`. */
  token: string;
}

/**
 * Which environment variable holds which secret.
 *
 * @example
 * customerSureSecretEnvNames(settings) // { token: 'CUSTOMERSURE_TOKEN' }
 */
export function customerSureSecretEnvNames(settings: CustomerSureSettings): Record<keyof CustomerSureSecrets, string> {
  return { token: settings.token_env };
}
