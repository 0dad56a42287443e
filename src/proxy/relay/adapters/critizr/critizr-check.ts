/**
 * The Critizr seed's rules a request can break, checked before it is accepted
 * so our API answers 422 instead of the request ending `not_sent`. Every key of
 * the seed's payload but `context` is one Critizr cannot do without (the
 * contract fake requires them all); `context`'s own attributes are required or
 * not per the account's /v2/configuration.
 */
import type { RuleBreach } from '../../relay-adapter';
import type { RelayRequest } from '../../relay-request';
import { EMAIL } from './critizr-settings';
import type { CritizrSettings } from './critizr-settings';
import { PHONE, SITE_CODE, contextOf, phoneOf, placeOf, senderOf, surveyOf } from './critizr-fields';

/**
 * Every breach, in the order of the request's fields.
 *
 * @example
 * checkCritizr(relayRequest({ email: null }), settings) // [{ field: 'email', error: 'required', … }]
 */
export function checkCritizr(request: RelayRequest, settings: CritizrSettings): RuleBreach[] {
  const breaches: RuleBreach[] = [...recipientBreaches(request)];
  // "sender" : "Your name <[email protected]>|Your name": one per type, set by the org (the settings
  // schema holds each to the seed's "Sender Formatting").
  if (senderOf(request, settings) === undefined) {
    const field = request.channel === 'email' ? 'email' : 'sms';
    breaches.push({ field, error: 'forbidden_value', extraInfo: { reason: `the org set no Critizr ${request.channel} sender` } });
  }
  // "Retrieve the "survey-id"": the survey must be one of the account's.
  if (surveyOf(request, settings) === undefined) {
    breaches.push({ field: 'survey_id', error: 'invalid_value', extraInfo: { reason: 'no Critizr survey is mapped to this survey' } });
  }
  breaches.push(...placeBreaches(request, settings), ...contextBreaches(request, settings));
  // A solicitation is one message, sent when posted: Critizr has no reminders. Dropping them silently
  // would lose what the merchant asked for.
  if (request.reminders.length > 0 && !settings.ignore_reminders) {
    breaches.push({ field: 'reminders', error: 'forbidden_value', extraInfo: { reason: 'Critizr solicitations have no reminders' } });
  }
  return breaches;
}

// "recipient" : "{client email|client phone number}", matching "type" : "email|sms".
function recipientBreaches(request: RelayRequest): RuleBreach[] {
  if (request.channel === 'email') {
    if (request.email === null) return [{ field: 'email', error: 'required', extraInfo: { reason: 'Critizr sends an email solicitation to an email address' } }];
    return EMAIL.test(request.email) ? [] : [{ field: 'email', error: 'invalid_format', extraInfo: {} }];
  }
  if (request.phone === null) return [{ field: 'sms.number', error: 'required', extraInfo: { reason: 'Critizr sends an SMS solicitation to a phone number' } }];
  return PHONE.test(phoneOf(request.phone))
    ? []
    : [{ field: 'sms.number', error: 'invalid_format', extraInfo: { reason: 'Critizr needs an international number: + then country code and number' } }];
}

// "Retrieve the "place-id": … with the GET parameter "partner_id" filled in with your internal point
// of sales code." With no default place, the site_code must name one.
function placeBreaches(request: RelayRequest, settings: CritizrSettings): RuleBreach[] {
  if (placeOf(request, settings) !== undefined) return [];
  const index = request.data.findIndex((d) => d.key === SITE_CODE);
  if (index < 0) return [{ field: 'data', error: 'required', extraInfo: { key: SITE_CODE, reason: 'Critizr needs a place, chosen by site_code' } }];
  return [{ field: `data[${index}]`, error: 'invalid_value', extraInfo: { key: SITE_CODE, value: request.data[index]?.value, reason: 'no Critizr place is mapped to this site_code' } }];
}

/** Where each named context attribute comes from in our request (the rest come from `data[]`). */
const SOURCES: Record<string, string> = { first_name: 'first_name', last_name: 'surname', phone: 'sms.number', crm_id: 'machine_id' };

// "Check the required (or not) attribute in the "context" part … "required" tells you which attribute
// is mandatory or not". Only when the org copied its configuration into the settings.
function contextBreaches(request: RelayRequest, settings: CritizrSettings): RuleBreach[] {
  const attributes = settings.context_attributes;
  if (attributes === undefined) return [];
  const entries = contextOf(request, settings);
  const known = new Set(attributes.map((a) => a.name));
  const breaches: RuleBreach[] = entries
    .filter((e) => !known.has(e.name))
    .map((e) => ({ field: e.from, error: 'forbidden_value', extraInfo: { attribute: e.name, reason: `the Critizr account has no context attribute ${e.name}` } }));
  for (const { name, required } of attributes) {
    const entry = entries.find((e) => e.name === name);
    if (required && (entry === undefined || entry.value.trim() === '')) {
      breaches.push({ field: entry?.from ?? SOURCES[name] ?? 'data', error: 'required', extraInfo: { attribute: name, reason: `the Critizr account requires the context attribute ${name}` } });
    }
  }
  return breaches;
}
