/**
 * The Securating seed's rules a request can break, checked before it is
 * accepted so our API answers 422 instead of the request ending `not_sent`.
 * Thematic codes are checked once, when the relay file is loaded (see
 * `securating-settings.ts`); the site key only Securating can judge.
 */
import type { RuleBreach } from '../../relay-adapter';
import type { RelayRequest } from '../../relay-request';
import {
  MAX_DAYS,
  MAX_RECALL_COUNT,
  ORDER_DATE,
  ORDER_DATE_FIELDS,
  ORDER_ITEM_TYPES,
  SITE_CODE,
  daysUntil,
  extraFields,
  siteOf,
  surveyOf,
} from './securating-fields';
import type { SecuratingSettings } from './securating-settings';

/** Silent on the format; one @, no spaces, a dot in the domain (the contract fake's reading). */
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Every breach, in the order of the request's fields. `now` (ms) places `send_at`.
 *
 * @example
 * checkSecurating(relayRequest({ surveyId: 9 }), settings, Date.now())
 * // [{ field: 'survey_id', error: 'invalid_value', … }]
 */
export function checkSecurating(request: RelayRequest, settings: SecuratingSettings, now: number): RuleBreach[] {
  const breaches: RuleBreach[] = [];
  // « Pour envoyer l’email d’invitation, automatiquement via notre serveur »: Securating sends mail,
  // and no parameter takes a phone number, so an SMS request cannot be honoured.
  if (request.channel === 'sms') {
    breaches.push({ field: 'sms', error: 'forbidden_value', extraInfo: { reason: 'Securating sends invitations by email only' } });
  }
  // « email: L’email de votre client. »: the address the invitation goes to (the fake requires it).
  if (request.email === null) breaches.push({ field: 'email', error: 'required', extraInfo: { reason: 'Securating invites by email' } });
  else if (!EMAIL.test(request.email)) breaches.push({ field: 'email', error: 'invalid_format', extraInfo: {} });
  // « renseignez simplement le paramètre « thematics » avec la liste des codes de sondage
  // correspondant à vos questions »: our survey must say which codes stand for its questions.
  if (surveyOf(request, settings) === undefined) {
    breaches.push({ field: 'survey_id', error: 'invalid_value', extraInfo: { reason: 'no Securating thematics are mapped to this survey' } });
  }
  // « days: Le nombre de jour d’attente avant d’envoyer l’invitation »: a whole count of days, which
  // Securating does not take beyond a year (the fake's reading of a cap the seed does not give).
  const days = daysUntil(request.sendAt, now);
  if (days > MAX_DAYS) breaches.push({ field: 'send_at', error: 'invalid_value', extraInfo: { maximum_days_ahead: MAX_DAYS, days } });
  // « recall_count: Nombre de relance à effectuer »: a count, capped at ten by the fake's reading.
  if (request.reminders.length > MAX_RECALL_COUNT) {
    breaches.push({ field: 'reminders', error: 'wrong_length', extraInfo: { maximum: MAX_RECALL_COUNT } });
  }
  breaches.push(...siteBreaches(request, settings), ...dataBreaches(request), ...repeatBreaches(request));
  return breaches;
}

// « url: L’url vers sur laquelle vous souhaitez récolter l’avis. » « les avis sont récoltés
// directement sur votre site Internet à l’aide d’une Url encodée »: every invitation needs the page.
function siteBreaches(request: RelayRequest, settings: SecuratingSettings): RuleBreach[] {
  const index = request.data.findIndex((d) => d.key === SITE_CODE);
  const field = index < 0 ? 'data' : `data[${index}]`;
  const value = request.data[index]?.value;
  if (index >= 0 && Object.keys(settings.sites).length > 0 && siteOf(request, settings) === undefined) {
    return [{ field, error: 'invalid_value', extraInfo: { key: SITE_CODE, value, reason: 'no Securating site is mapped to this site_code' } }];
  }
  if ((siteOf(request, settings)?.url ?? settings.url) === undefined) {
    return [{ field, error: 'required', extraInfo: { key: SITE_CODE, reason: 'no review page (Securating url) is set for this site' } }];
  }
  return [];
}

// « order_<fields> » as the seed lists them, and « meta_<keys> » for the rest of `data[]`.
function dataBreaches(request: RelayRequest): RuleBreach[] {
  const breaches: RuleBreach[] = [];
  const order = new Map<string, { value: string; index: number }>();
  request.data.forEach(({ key, value }, index) => {
    const field = `data[${index}]`;
    // `meta_` alone is no `meta_<keys>`: the key is what comes back through the webhook.
    if (key === '') breaches.push({ field, error: 'required', extraInfo: { part: 'key' } });
    // « order_date: La date de la commande », « order_service_start / _end »: silent on the format,
    // ISO 8601 taken (the fake's reading).
    if (ORDER_DATE_FIELDS.includes(key) && !ORDER_DATE.test(value)) {
      breaches.push({ field, error: 'invalid_format', extraInfo: { key, format: 'YYYY-MM-DD[THH:MM[:SS]]' } });
    }
    // « order_item_type: le type d’item [product/service] de commande »
    if (key === 'order_item_type' && !ORDER_ITEM_TYPES.includes(value)) {
      breaches.push({ field, error: 'invalid_value', extraInfo: { key, allowed_values: ORDER_ITEM_TYPES } });
    }
    order.set(key, { value, index });
  });
  // « La date de début du service / La date de fin du service »: an end before the start is refused.
  const start = order.get('order_service_start');
  const end = order.get('order_service_end');
  if (start && end && ORDER_DATE.test(start.value) && ORDER_DATE.test(end.value) && end.value.replace(' ', 'T') < start.value.replace(' ', 'T')) {
    breaches.push({ field: `data[${end.index}]`, error: 'invalid_value', extraInfo: { key: 'order_service_end', reason: 'before order_service_start' } });
  }
  return breaches;
}

// One value per parameter (the fake refuses a repeat; PHP would keep only the last, losing one):
// a `data[]` key given twice, or one whose `meta_` name is ours (`reference`, `machine_id`).
function repeatBreaches(request: RelayRequest): RuleBreach[] {
  const fields = extraFields(request);
  const seen = new Set(fields.filter((f) => !f.from.startsWith('data[')).map((f) => f.name));
  const breaches: RuleBreach[] = [];
  for (const field of fields.filter((f) => f.from.startsWith('data['))) {
    if (seen.has(field.name)) {
      breaches.push({ field: field.from, error: 'invalid_value', extraInfo: { parameter: field.name, reason: 'Securating takes each parameter once' } });
    }
    seen.add(field.name);
  }
  return breaches;
}
