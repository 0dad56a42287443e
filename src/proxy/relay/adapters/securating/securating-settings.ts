/**
 * Securating's part of an org's relay file (`SURVEYS_DIR/{org}/_relay.json`
 * with `"provider": "securating"`): where the API is, how our surveys map onto
 * thematic codes, where each of our sites collects its reviews, and the NAME of
 * the environment variable holding the site's verification key. Seed (French):
 * /work/shared/seeds/securating-invitation-api-fr.txt.
 *
 * Securating has no survey or template ids: what the customer is asked is the
 * list of `thematics` codes, and the mail is Securating's own, so our template
 * ids have nothing to map to.
 */
import { z } from 'zod';

const envName = z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'an environment variable name');
const httpUrl = z.url({ protocol: /^https?$/ });

/**
 * « Le code thématique est composé d’une suite de 7 chiffre comme suit : [V][LL][R][TTT] »:
 * « [V]: Visibilité du sondage [1,2] », « [LL] … "00": Français. "01": Anglais. », « [R]: Réservé »
 * (0 in every code the seed shows), « [TTT]: Index de la thématique. "100" … "900" » (custom indexes
 * exist: « ajouter votre propres code de sondages », so 100 to 999). The contract fake's reading.
 */
export const THEMATIC_CODE = /^[12](00|01)0[1-9]\d\d$/;
/** « Vous pouvez renseigner aux maximum trois codes séparées par une virgule ». */
export const MAX_THEMATICS = 3;

/** What one of our surveys asks, in Securating's terms. */
const SurveySchema = z
  .object({
    /** The thematic codes standing for the survey's questions (« la liste des codes de sondage correspondant à vos questions »). */
    thematics: z
      .array(z.string().regex(THEMATIC_CODE, 'a 7-digit [V][LL][R][TTT] thematic code'))
      .max(MAX_THEMATICS)
      .refine((codes) => new Set(codes).size === codes.length, 'a thematic code is repeated')
      .default([]),
    /** « survey_only: … indique si la sollicitation concerne uniquement un sondage par thématiques. » */
    survey_only: z.boolean().default(false),
    /** « product: Le code produit concernant votre avis. Si la référence n’existe pas elle est créé à la volée. » */
    product: z.string().min(1).optional(),
  })
  .refine((survey) => !survey.survey_only || survey.thematics.length > 0, {
    message: 'survey_only needs at least one thematic code',
    path: ['thematics'],
  });

/** Where one of our sites (a `site_code` in `data[]`) collects its reviews; each part overrides the org's. */
const SiteSchema = z.object({
  /** « url: L’url vers sur laquelle vous souhaitez récolter l’avis. » */
  url: httpUrl.optional(),
  /** « profile_id: Identifiant du modérateur à l’origine de la demande … créés depuis votre manager. » */
  profile_id: z.string().min(1).optional(),
  /** « company_name: Le nom de votre entreprise ou service. » */
  company_name: z.string().min(1).optional(),
});

/**
 * @example
 * SecuratingSettingsSchema.parse({
 *   provider: 'securating',
 *   keywebsite_env: 'ACME_SECURATING_KEY',
 *   url: 'https://acme.example/avis',
 *   surveys: { '1484': { thematics: ['1000300'] } },
 *   sites: { newcastle: { profile_id: '1001' } },
 * });
 */
export const SecuratingSettingsSchema = z.object({
  provider: z.literal('securating'),
  // « https://api.securating.io/invitation/create »: the base, overridable for sandboxes and the fake.
  base_url: httpUrl.default('https://api.securating.io'),
  /** The org's default review page (a site's `url` wins); one of the two is needed per request. */
  url: httpUrl.optional(),
  company_name: z.string().min(1).optional(),
  profile_id: z.string().min(1).optional(),
  /** Our `survey_id` -> what Securating asks. A request for an unmapped survey is refused at our API. */
  surveys: z.record(z.string().regex(/^\d+$/, 'a survey_id'), SurveySchema),
  /** Our `site_code` -> its page, moderator and name. When not empty, every site_code sent must be here. */
  sites: z.record(z.string().min(1), SiteSchema).default({}),
  // « keywebsite: La clé de vérification de votre site internet. » « Votre clé de vérification est
  // disponible en téléchargement depuis la rubrique site de votre manager. »: a secret, named here.
  keywebsite_env: envName,
});

export type SecuratingSettings = z.infer<typeof SecuratingSettingsSchema>;

/** The site's verification key, as resolved from the environment. */
export interface SecuratingSecrets {
  keywebsite: string;
}

/**
 * Which environment variable holds which secret; the config loader reads them.
 *
 * @example
 * securatingSecretEnvNames(settings) // { keywebsite: 'ACME_SECURATING_KEY' }
 */
export function securatingSecretEnvNames(settings: SecuratingSettings): Record<keyof SecuratingSecrets, string> {
  return { keywebsite: settings.keywebsite_env };
}
