/**
 * The rules of Securating's `POST /invitation/create`, as pure functions of the
 * request's parts: each returns the refusal the fake answers, or the parsed
 * invitation. The seed documents no error at all (only the success, whose body
 * is the link, see `invitationLink`), so every status and body below is a
 * choice: `text/plain` bodies `error: <reason>`, never a URL, so a client can
 * tell them from the link.
 */
import { FIELDS, isMetaField } from './securating-fields';
import { parseThematics } from './securating-thematics';

/** What the fake answers instead of a link. */
export interface SecuratingRefusal {
  status: number;
  body: string;
}

/** An accepted `/invitation/create` form, parsed. */
export interface InvitationRequest {
  /** Every form field as sent. */
  fields: Record<string, string>;
  keywebsite: string;
  email: string;
  url: string;
  thematics: string[];
  days: number;
  recallCount: number;
  webhook?: string;
  /** The `meta_*` fields, names kept, for the webhook. */
  meta: Record<string, string>;
  /** The `order_*` fields. */
  order: Record<string, string>;
  force: boolean;
}

/** An invitation already created, as far as the 24-hour rule cares. */
export interface PastInvitation {
  keywebsite: string;
  email: string;
  createdAt: number;
}

export const DAY_MS = 24 * 60 * 60 * 1000;

// « Par default un délais de 6 jours est appliqué. » (6 days by default)
export const DEFAULT_DAYS = 6;
// « la valeur par défaut est de 3 relances » (3 reminders by default)
export const DEFAULT_RECALL_COUNT = 3;

const refuse = (status: number, reason: string): SecuratingRefusal => ({ status, body: `error: ${reason}` });

/**
 * « Content-type: application/x-www-form-urlencoded » (the seed's PHP example, `http_build_query`).
 * Silent on other encodings; JSON and multipart are refused with 415, the strict reading.
 */
export function checkEncoding(contentType: string | null): SecuratingRefusal | undefined {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  return type === 'application/x-www-form-urlencoded' ? undefined : refuse(415, 'the body must be application/x-www-form-urlencoded');
}

/**
 * Parses and checks a form body against the seed's parameter table.
 *
 * @example
 * checkInvitationForm('keywebsite=ma-cle-de-verification&email=a%40b.fr&url=https%3A%2F%2Fx.fr', {
 *   keys: ['ma-cle-de-verification'], profileIds: [],
 * }); // { request: { email: 'a@b.fr', days: 6, recallCount: 3, … } }
 */
export function checkInvitationForm(
  body: string,
  accepted: { keys: readonly string[]; profileIds: readonly string[] },
): { request: InvitationRequest } | { refusal: SecuratingRefusal } {
  const form = new URLSearchParams(body);
  const fields: Record<string, string> = {};
  for (const [name, value] of form) {
    // Silent on repeats; PHP keeps the last one silently. Refused, the strict reading.
    if (name in fields) return { refusal: refuse(400, `${name}: sent more than once`) };
    fields[name] = value;
  }

  // « keywebsite: La clé de vérification de votre site internet. » « Votre clé de vérification est
  // disponible […] depuis la rubrique site de votre manager. » (the site's key, from the manager):
  // checked first, as a real service authenticates before it validates. 401, a choice.
  if (!fields.keywebsite) return { refusal: refuse(401, 'keywebsite is missing') };
  if (!accepted.keys.includes(fields.keywebsite)) return { refusal: refuse(401, 'keywebsite is not a known key') };

  const unknown = Object.keys(fields).find((name) => !(name in FIELDS) && !isMetaField(name));
  if (unknown !== undefined) return { refusal: refuse(400, `${unknown}: not a parameter of /invitation/create`) };

  // Silent on which parameters are required. Strict reading: those without which no invitation can
  // exist: « Pour envoyer l’email d’invitation » needs `email`, and « les avis sont récoltés
  // directement sur votre site Internet à l’aide d’une Url encodée » needs `url`. Only `profile_id`
  // is called « optionnel », but `days` and `recall_count` have defaults and the rest is descriptive.
  for (const name of ['email', 'url']) {
    if (!fields[name]) return { refusal: refuse(400, `${name} is missing`) };
  }

  for (const [name, value] of Object.entries(fields)) {
    const reason = FIELDS[name]?.(value);
    if (reason) return { refusal: refuse(400, `${name}: ${reason}`) };
  }

  const crossField = checkCrossFields(fields, accepted.profileIds);
  if (crossField) return { refusal: crossField };

  return { request: toRequest(fields) };
}

function checkCrossFields(fields: Record<string, string>, profileIds: readonly string[]): SecuratingRefusal | undefined {
  // « survey_only […] indique si la sollicitation concerne uniquement un sondage par thématiques »
  // (the request is only a thematic survey): a survey with no theme is refused, the strict reading.
  if (fields.survey_only === '1' && !fields.thematics) return refuse(400, 'thematics is missing (survey_only=1)');
  // « product_ean: Code EAN utilisé lors pour la mise à jour du produit. » (the same for product_desc):
  // updating a product needs the product, so neither is taken without `product`.
  for (const name of ['product_ean', 'product_desc']) {
    if (name in fields && !fields.product) return refuse(400, `${name} needs product`);
  }
  // « Ces identifiants doivent préalablement créés depuis votre manager. » (created beforehand)
  if (fields.profile_id !== undefined && !profileIds.includes(fields.profile_id)) {
    return refuse(400, 'profile_id: not a profile created in the manager');
  }
  // « order_service_start: La date de début du service / order_service_end: La date de fin »:
  // silent on their order; an end before the start is refused, the strict reading.
  const { order_service_start: start, order_service_end: end } = fields;
  if (start && end && end.replace(' ', 'T') < start.replace(' ', 'T')) {
    return refuse(400, 'order_service_end: before order_service_start');
  }
  return undefined;
}

function toRequest(fields: Record<string, string>): InvitationRequest {
  const pick = (prefix: string) => Object.fromEntries(Object.entries(fields).filter(([name]) => name.startsWith(prefix)));
  const thematics = fields.thematics ? parseThematics(fields.thematics) : { codes: [] };
  return {
    fields,
    keywebsite: fields.keywebsite as string,
    email: fields.email as string,
    url: fields.url as string,
    thematics: 'codes' in thematics ? thematics.codes : [],
    days: fields.days === undefined ? DEFAULT_DAYS : Number(fields.days),
    recallCount: fields.recall_count === undefined ? DEFAULT_RECALL_COUNT : Number(fields.recall_count),
    webhook: fields.webhook,
    meta: pick('meta_'),
    order: pick('order_'),
    // « En positionnant ce paramètre avec une valeur quelconque » (set to any value): any non-empty
    // value forces, `0` included; an empty `force_invitation=` is read as not set.
    force: Boolean(fields.force_invitation),
  };
}

/**
 * « L’API ne permet pas la création d’invitations successives trop rapprochées dans le temps
 * ( < 24 heures) pour un même email. » (no second invitation to the same email within 24 hours)
 * Silent on scope and case: read per site key (another merchant's invitation does not block
 * yours) and case-insensitively (`A@x.fr` is the same mailbox as `a@x.fr`). 409, a choice:
 * retrying will not help until the 24 hours have passed.
 */
export function checkTooSoon(request: InvitationRequest, past: readonly PastInvitation[], now: number): SecuratingRefusal | undefined {
  if (request.force) return undefined;
  const email = request.email.toLowerCase();
  const recent = past.some((p) => p.keywebsite === request.keywebsite && p.email.toLowerCase() === email && now - p.createdAt < DAY_MS);
  return recent ? refuse(409, 'an invitation was already created for this email less than 24 hours ago') : undefined;
}

/**
 * The link the seed's example prints (`$returnedLink`): « les avis sont récoltés directement sur
 * votre site Internet à l’aide d’une Url encodée » (reviews are collected on your own site through
 * an encoded URL). Silent on its shape: the request's `url` with a `securating` parameter carrying
 * the invitation's token.
 */
export function invitationLink(url: string, token: string): string {
  const link = new URL(url);
  link.searchParams.set('securating', token);
  return link.toString();
}
