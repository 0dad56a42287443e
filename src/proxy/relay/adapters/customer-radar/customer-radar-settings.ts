/**
 * Customer Radar's part of an org's relay file (`SURVEYS_DIR/{org}/_relay.json`
 * with `"provider": "customer-radar"`): where the service is, the ids CR Support
 * handed over, how our surveys and sites map onto them, and the NAMES of the
 * environment variables holding the login. Seed:
 * /work/shared/seeds/customer-radar-invitation-api.txt.
 */
import { z } from 'zod';

// Every display id is "Alphanumeric" in the seed's body table; checked here, once, when the file is
// loaded, so a request never leaves with an id the service would call "wrong".
const displayId = z.string().regex(/^[A-Za-z0-9]+$/, 'letters and digits only');
const envName = z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'an environment variable name');

/** Where one of our sites (a `site_code` in `data[]`) sits in Customer Radar. */
const SiteSchema = z.object({
  // "locationDisplayId | | Alphanumeric | YES | CR Support will provide locationDisplayId to clients."
  location_display_id: displayId,
  // "pomDisplayId | | Alphanumeric | NO* | … *Required IF location has two or more POMs / sub-measures".
  // Only CR knows how many POMs a location has, so it stays optional here; a missing one the service
  // needs comes back as "No Feedback code found …" and the request is refused with that text.
  pom_display_id: displayId.optional(),
});

/**
 * @example
 * CustomerRadarSettingsSchema.parse({
 *   provider: 'customer-radar',
 *   client_display_id: '8291a9ed952342c5b5fe2915f2189e7c',
 *   programmes: { '1484': '1cf118a0326d47aa851a90b9674e90aa' },
 *   sites: { newcastle: { location_display_id: '1cf118a0326d47aa851a90b9674e90aa' } },
 *   username_env: 'ACME_CR_USERNAME',
 *   password_env: 'ACME_CR_PASSWORD',
 * });
 */
export const CustomerRadarSettingsSchema = z.object({
  provider: z.literal('customer-radar'),
  // "URL: api.feedback.fyi/invitation" (the seed gives no scheme; HTTPS assumed). Overridable for
  // sandboxes and for the contract fake on loopback.
  base_url: z.url({ protocol: /^https?$/ }).default('https://api.feedback.fyi'),
  // "clientDisplayId will be provided to you by Customer Radar Support."
  client_display_id: displayId,
  /**
   * Our `survey_id` -> their `programmeDisplayId`. CR has no survey ids of its own: a programme (with
   * its Send Rule) decides what the customer receives, so this is the survey mapping.
   */
  programmes: z.record(z.string().regex(/^\d+$/, 'a survey_id'), displayId),
  /** Our `site_code` (a `data[]` key) -> their location and POM. */
  sites: z.record(z.string().min(1), SiteSchema),
  /**
   * Renames applied to metadata keys on the way out (`{"reference": "booking_reference"}`): "Key is
   * mapped to internal CR programme settings and must match case/spelling between client and CR."
   */
  metadata_rename: z.record(z.string().min(1), z.string().min(1)).default({}),
  /**
   * The metadata keys CR Support set up for the org's programmes, when known: a request carrying any
   * other key is refused before it is accepted instead of at send time.
   */
  programme_metadata_keys: z.array(z.string().min(1)).optional(),
  /**
   * CR has no reminders and no template ids: the programme's "Send Rule" decides what goes out and
   * any follow-up. Requests with `reminders[]` are refused unless the org says its Send Rule covers them.
   */
  ignore_reminders: z.boolean().default(false),
  // "CR support team shall: Generate a username and password for the client."
  username_env: envName,
  password_env: envName,
});

export type CustomerRadarSettings = z.infer<typeof CustomerRadarSettingsSchema>;

/** The login CR Support generated, as resolved from the environment. */
export interface CustomerRadarSecrets {
  username: string;
  password: string;
}

/**
 * Which environment variable holds which secret; the config loader reads them.
 *
 * @example
 * customerRadarSecretEnvNames(settings) // { username: 'ACME_CR_USERNAME', password: 'ACME_CR_PASSWORD' }
 */
export function customerRadarSecretEnvNames(settings: CustomerRadarSettings): Record<keyof CustomerRadarSecrets, string> {
  return { username: settings.username_env, password: settings.password_env };
}
