/**
 * The parameters of Securating's `/invitation/create`, one entry per row of the
 * seed's « PARAMETRES / DESCRIPTIONS » table, each with the format check it
 * implies. A check returns the reason a value is refused, or nothing.
 *
 * Where the seed gives no format (names, descriptions, `hashtag`,
 * `customer_gender`…), any text is accepted, empty included. Where it does give
 * one (booleans, counts, URLs, codes), a present value must match it, and an
 * empty value does not: PHP would read `days=` as 0 and send at once.
 */
import { parseThematics } from './securating-thematics';

export type FieldCheck = (value: string) => string | undefined;

/** Silent on a cap; a year of waiting is taken as the most a real service schedules. */
export const MAX_DAYS = 365;
/** Silent on a cap; ten reminders is taken as the most a real service sends. */
export const MAX_RECALL_COUNT = 10;

const text: FieldCheck = () => undefined;

// « Paramètre de type booléen (0: faux / 1:vraie) » (a boolean, 0 false / 1 true): nothing else.
const boolean01: FieldCheck = (v) => (v === '0' || v === '1' ? undefined : 'must be 0 or 1');

// Silent on URL formats; a real service needs an absolute http(s) address to link or call.
const httpUrl: FieldCheck = (v) => {
  const url = URL.canParse(v) ? new URL(v) : undefined;
  return url && (url.protocol === 'http:' || url.protocol === 'https:') ? undefined : 'must be an absolute http(s) URL';
};

const integer =
  (max: number): FieldCheck =>
  (v) =>
    /^\d+$/.test(v) && Number(v) <= max ? undefined : `must be a whole number from 0 to ${max}`;

// Silent on the format; one @, no spaces, a dot in the domain, as a mailer would insist.
const email: FieldCheck = (v) => (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v) ? undefined : 'must be an email address');

// « Code EAN »: an EAN-8 or EAN-13, check digit included, as a product catalogue verifies it.
const ean: FieldCheck = (v) => {
  if (!/^(\d{8}|\d{13})$/.test(v)) return 'must be an EAN-8 or EAN-13';
  const digits = [...v].map(Number);
  const check = digits.pop() as number;
  const sum = digits.reverse().reduce((total, d, i) => total + d * (i % 2 === 0 ? 3 : 1), 0);
  return (10 - (sum % 10)) % 10 === check ? undefined : 'has a wrong EAN check digit';
};

// « La date de la commande » and the service dates: silent on the format; an ISO 8601 date,
// optionally with a time (`2024-05-01`, `2024-05-01T10:00:00`, `2024-05-01 10:00`), is taken.
const date: FieldCheck = (v) => {
  const match = /^(\d{4}-\d{2}-\d{2})([T ]\d{2}:\d{2}(:\d{2})?)?$/.exec(v);
  return match && !Number.isNaN(Date.parse(`${match[1]}T00:00:00Z`)) ? undefined : 'must be an ISO date (YYYY-MM-DD[THH:MM[:SS]])';
};

const thematics: FieldCheck = (v) => {
  const parsed = parseThematics(v);
  return 'error' in parsed ? parsed.error.replace(/^thematics: /, '') : undefined;
};

/**
 * Every parameter the seed lists, but `meta_<keys>` (any key, see `isMetaField`).
 * « Ces deux API utilisent les mêmes paramètres » (both APIs take the same parameters):
 * the table is read as the whole set, so a name outside it is refused (strict reading; a
 * lax PHP service would ignore it, but then a misspelt `recall_count` would pass unseen).
 */
export const FIELDS: Readonly<Record<string, FieldCheck>> = {
  // « La clé de vérification de votre site internet. » Checked against the accepted keys.
  keywebsite: text,
  // « L’email de votre client. »
  email,
  first_name: text,
  last_name: text,
  company_name: text,
  // « Le code produit concernant votre avis. Si la référence n’existe pas elle est créé à la volée. »
  product: text,
  // « Code EAN utilisé lors pour la mise à jour du produit. »
  product_ean: ean,
  product_desc: text,
  survey_only: boolean01,
  // « En positionnant ce paramètre avec une valeur quelconque » (set it to any value).
  force_invitation: text,
  thematics,
  // « L’url vers sur laquelle vous souhaitez récolter l’avis. »
  url: httpUrl,
  // « Le nombre de jour d’attente avant d’envoyer l’invitation » (days to wait): whole days.
  days: integer(MAX_DAYS),
  // « Nombre de relance à effectuer » (number of reminders): a whole count.
  recall_count: integer(MAX_RECALL_COUNT),
  // « Identifiant du modérateur » : checked against the known profiles.
  profile_id: text,
  // « Url d’alerte informant des changements d’état de la sollicitation. »
  webhook: httpUrl,
  customer_gender: text,
  customer_bio: text,
  // « L’url du site web de votre client » / « L’url du logo de votre client ».
  customer_link: httpUrl,
  customer_avatar: httpUrl,
  hashtag: text,
  with_gift: boolean01,
  gift_description: text,
  from_order: boolean01,
  // « order_<fields> » then the seven fields it lists; read as the whole list (strict).
  order_date: date,
  order_number: text,
  // « order_item_type: le type d’item [product/service] de commande »
  order_item_type: (v) => (v === 'product' || v === 'service' ? undefined : 'must be product or service'),
  order_item_code: text,
  order_item_desc: text,
  order_service_start: date,
  order_service_end: date,
};

/**
 * « meta_<keys> Informations retournées via les web_hook sans traitement particulier. »
 * (returned through the webhook untouched): any non-empty key after `meta_`.
 */
export function isMetaField(name: string): boolean {
  return /^meta_.+$/.test(name);
}
