/**
 * How a `RelayRequest` becomes the fields of Securating's `/invitation/create`
 * form, as pure functions shared by `check` and `toCall`.
 */
import type { RelayRequest } from '../../relay-request';
import type { SecuratingSettings } from './securating-settings';

export const SITE_CODE = 'site_code';
export const DAY_MS = 24 * 60 * 60 * 1000;
/**
 * A send made up to this long before `sendAt` still counts as on time (days=0), so a worker that
 * wakes a little early does not push the invitation a whole day later.
 */
export const ON_TIME_MS = 60 * 1000;
/** Silent on a cap; the contract fake takes a year as the most Securating schedules (`days`). */
export const MAX_DAYS = 365;
/** Silent on a cap; the contract fake takes ten as the most reminders (`recall_count`). */
export const MAX_RECALL_COUNT = 10;

/**
 * « order_<fields> Informations associées au produit ou au service commandé. » and the seven it
 * lists. A `data[]` key among them is sent as is; any other key goes to `meta_<key>`.
 */
export const ORDER_FIELDS = [
  'order_date',
  'order_number',
  'order_item_type',
  'order_item_code',
  'order_item_desc',
  'order_service_start',
  'order_service_end',
] as const;
export const ORDER_DATE_FIELDS: readonly string[] = ['order_date', 'order_service_start', 'order_service_end'];
/** Silent on the format; ISO 8601, optionally with a time (the contract fake's reading). */
export const ORDER_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2})?)?$/;
/** « order_item_type: le type d’item [product/service] de commande ». */
export const ORDER_ITEM_TYPES: readonly string[] = ['product', 'service'];

export const isOrderField = (key: string): boolean => (ORDER_FIELDS as readonly string[]).includes(key);

/** One form field and where in the request it comes from (for breaches). */
export interface FormField {
  name: string;
  value: string;
  from: string;
}

/** The site mapped to the request's `site_code`, if any. */
export function siteOf(request: RelayRequest, settings: SecuratingSettings): SecuratingSettings['sites'][string] | undefined {
  const code = request.data.find((d) => d.key === SITE_CODE)?.value;
  return code === undefined ? undefined : settings.sites[code];
}

export function surveyOf(request: RelayRequest, settings: SecuratingSettings): SecuratingSettings['surveys'][string] | undefined {
  return settings.surveys[String(request.surveyId)];
}

/**
 * « days: Le nombre de jour d’attente avant d’envoyer l’invitation par mail à votre client. Par
 * default un délais de 6 jours est appliqué. »: whole days from `now` to `sendAt`, rounded up so
 * the mail never leaves before the merchant asked (within `ON_TIME_MS`), 0 for a past `sendAt`.
 * Always sent: left out, Securating would wait 6 days.
 *
 * @example
 * daysUntil('2023-08-20T17:00:00.000Z', Date.parse('2023-08-18T17:00:00.000Z')) // 2
 */
export function daysUntil(sendAt: string, now: number): number {
  const wait = Date.parse(sendAt) - now;
  return wait <= ON_TIME_MS ? 0 : Math.ceil((wait - ON_TIME_MS) / DAY_MS);
}

/**
 * The merchant's extra data, as Securating keeps it: `order_*` keys it knows as themselves
 * (`from_order=1` then, « indique si l’Avis fait suite à une commande »), and everything else as
 * « meta_<keys> Informations retournées via les web_hook sans traitement particulier », returned to
 * us untouched: `data[]` (site_code and staff_code included), `reference` and `machine_id`.
 */
export function extraFields(request: RelayRequest): FormField[] {
  const order: FormField[] = [];
  const meta: FormField[] = [];
  request.data.forEach(({ key, value }, index) => {
    const from = `data[${index}]`;
    if (isOrderField(key)) order.push({ name: key, value, from });
    else meta.push({ name: `meta_${key}`, value, from });
  });
  if (request.reference !== null) meta.push({ name: 'meta_reference', value: request.reference, from: 'reference' });
  if (request.machineId !== null) meta.push({ name: 'meta_machine_id', value: request.machineId, from: 'machine_id' });
  const fromOrder: FormField[] = order.length > 0 ? [{ name: 'from_order', value: '1', from: 'data' }] : [];
  return [...fromOrder, ...order, ...meta];
}

/**
 * Every field of the form, in the seed's table order, extra data last. Fields with nothing to say
 * are left out, but `days` and `recall_count`, whose defaults (6 days, 3 reminders) are not ours.
 */
export function invitationFields(request: RelayRequest, settings: SecuratingSettings, keywebsite: string, now: number): FormField[] {
  const site = siteOf(request, settings);
  const survey = surveyOf(request, settings);
  const companyName = site?.company_name ?? settings.company_name;
  const profileId = site?.profile_id ?? settings.profile_id;
  const fields: (FormField | false)[] = [
    // « keywebsite: La clé de vérification de votre site internet. »
    { name: 'keywebsite', value: keywebsite, from: 'settings' },
    // « email: L’email de votre client. » « Pour envoyer l’email d’invitation »: email only, no SMS.
    { name: 'email', value: request.email ?? '', from: 'email' },
    request.firstName !== null && { name: 'first_name', value: request.firstName, from: 'first_name' },
    request.surname !== null && { name: 'last_name', value: request.surname, from: 'surname' },
    companyName !== undefined && { name: 'company_name', value: companyName, from: 'settings' },
    survey?.product !== undefined && { name: 'product', value: survey.product, from: 'survey_id' },
    survey?.survey_only === true && { name: 'survey_only', value: '1', from: 'survey_id' },
    // « thematics: … aux maximum trois codes séparées par une virgule »: commas, no spaces.
    survey !== undefined && survey.thematics.length > 0 && { name: 'thematics', value: survey.thematics.join(','), from: 'survey_id' },
    { name: 'url', value: site?.url ?? settings.url ?? '', from: SITE_CODE },
    { name: 'days', value: String(daysUntil(request.sendAt, now)), from: 'send_at' },
    // « recall_count: Nombre de relance à effectuer, tant que le client n’a pas donner son avis, la
    // valeur par défaut est de 3 relances. »: as many as the merchant asked for, 0 included. Their
    // times and templates cannot be passed: Securating spaces its reminders itself.
    { name: 'recall_count', value: String(request.reminders.length), from: 'reminders' },
    profileId !== undefined && { name: 'profile_id', value: profileId, from: 'settings' },
    // « webhook: Url d’alerte informant des changements d’état de la sollicitation. »: our
    // per-request URL, so each call back names its request without an id of Securating's.
    request.callbackUrl !== null && { name: 'webhook', value: request.callbackUrl, from: 'callback_url' },
    // `force_invitation` is never sent: « Il est conseillé de ne positionner ce paramètre que dans
    // des phase de tests. » A second invitation within 24 hours is refused, and reported as such.
  ];
  return [...fields.filter((f): f is FormField => f !== false), ...extraFields(request)];
}

/** The form as `application/x-www-form-urlencoded` text (« http_build_query($data) » in the seed). */
export function encodeForm(fields: readonly FormField[]): string {
  return new URLSearchParams(fields.map((f): [string, string] => [f.name, f.value])).toString();
}
