/**
 * How a RelayRequest's fields become a Critizr solicitation, as pure functions
 * shared by check() and the calls so the two never disagree.
 */
import { dataValue, type RelayRequest } from '../../relay-request';
import type { CritizrSettings } from './critizr-settings';

/** The seed's single payload: `sender`, `survey`, `type`, `place`, `recipient`, `context`. */
export interface Solicitation {
  sender: string;
  survey: string;
  type: 'email' | 'sms';
  place: string;
  recipient: string;
  context: Record<string, string>;
}

/** One context attribute, and where in our request it came from (for a breach's `field`). */
export interface ContextEntry {
  name: string;
  value: string;
  from: string;
}

/** The `data[]` key our merchants name their site with (CustomerSure's "Pass in a site_code"). */
export const SITE_CODE = 'site_code';

// "recipient" : "{client email|client phone number}". The seed gives no phone format; the contract fake
// reads it as E.164 ("+33612345678"), what an SMS gateway needs to route abroad. The usual separators
// ("+44 7700 900123", "+1 (555) 010-9999") are dropped first: the number is the same.
export const PHONE = /^\+[1-9]\d{7,14}$/;
const SEPARATORS = /[\s().-]/g;

/** `sms.number` as Critizr's recipient: separators dropped. */
export function phoneOf(number: string): string {
  return number.replace(SEPARATORS, '');
}

/** `"sender" : "Your name <[email protected]>|Your name"`: the org's sender for the request's channel. */
export function senderOf(request: RelayRequest, settings: CritizrSettings): string | undefined {
  return request.channel === 'email' ? settings.email_sender : settings.sms_sender;
}

/** The Critizr survey our survey_id maps to, or the org's default. */
export function surveyOf(request: RelayRequest, settings: CritizrSettings): string | undefined {
  return settings.surveys[String(request.surveyId)] ?? settings.survey;
}

/** The place mapped to our site_code, if there is one (then site_code has said all it had to say). */
function mappedPlace(request: RelayRequest, settings: CritizrSettings): string | undefined {
  const code = dataValue(request, SITE_CODE);
  return code === undefined ? undefined : settings.places[code];
}

/** The Critizr place of our site_code, or the org's default place. */
export function placeOf(request: RelayRequest, settings: CritizrSettings): string | undefined {
  return mappedPlace(request, settings) ?? settings.place;
}

/** `"recipient" : "{client email|client phone number}"`, by channel. */
export function recipientOf(request: RelayRequest): string | undefined {
  if (request.channel === 'email') return request.email ?? undefined;
  return request.phone === null ? undefined : phoneOf(request.phone);
}

const given = (value: string | null): value is string => value !== null && value !== '';

/**
 * The `context`: the seed's named attributes ("first_name", "last_name", "phone", "crm_id") from our own
 * fields, then everything else the merchant gave as "additional_information_1" … "_n": first the keys
 * the org placed in `additional_information` (slot i+1, the value alone, so Critizr's reports can use
 * it), then every other entry in the order given, in the slots after those, as `key: value` so its
 * meaning travels with it. site_code is left out only when it chose the place.
 */
export function contextOf(request: RelayRequest, settings: CritizrSettings): ContextEntry[] {
  const named: ContextEntry[] = [];
  if (given(request.firstName)) named.push({ name: 'first_name', value: request.firstName, from: 'first_name' });
  if (given(request.surname)) named.push({ name: 'last_name', value: request.surname, from: 'surname' });
  // "phone" : "{client phone}": only SMS requests carry one (`sms.number`).
  if (given(request.phone)) named.push({ name: 'phone', value: phoneOf(request.phone), from: 'sms.number' });
  // "crm_id" : "{client crm ID}": a `data[]` crm_id when the merchant gave one, else machine_id,
  // CustomerSure's "Unique ID from that system" used "to link back to the original system".
  const crmIndex = request.data.findIndex((d) => d.key === 'crm_id');
  const crmFromMachine = crmIndex < 0 && given(request.machineId);
  if (crmIndex >= 0) named.push({ name: 'crm_id', value: request.data[crmIndex]?.value ?? '', from: `data[${crmIndex}]` });
  else if (crmFromMachine) named.push({ name: 'crm_id', value: request.machineId as string, from: 'machine_id' });

  const placed = mappedPlace(request, settings) !== undefined;
  const siteIndex = request.data.findIndex((d) => d.key === SITE_CODE);
  const extras = request.data
    .map((d, i) => ({ key: d.key, value: d.value, from: `data[${i}]` }))
    .filter((_, i) => i !== crmIndex && !(placed && i === siteIndex));
  if (given(request.reference)) extras.push({ key: 'reference', value: request.reference, from: 'reference' });
  if (!crmFromMachine && given(request.machineId)) extras.push({ key: 'machine_id', value: request.machineId, from: 'machine_id' });

  const slots = settings.additional_information;
  const filled = new Set<string>();
  const fixed: ContextEntry[] = [];
  const rest: ContextEntry[] = [];
  for (const extra of extras) {
    const slot = slots.indexOf(extra.key);
    if (slot >= 0 && !filled.has(extra.key)) {
      filled.add(extra.key);
      fixed.push({ name: `additional_information_${slot + 1}`, value: extra.value, from: extra.from });
    } else {
      rest.push({ name: `additional_information_${slots.length + rest.length + 1}`, value: `${extra.key}: ${extra.value}`, from: extra.from });
    }
  }
  fixed.sort((a, b) => slotNumber(a.name) - slotNumber(b.name));
  return [...named, ...fixed, ...rest];
}

const slotNumber = (name: string) => Number(name.slice('additional_information_'.length));

/**
 * The whole solicitation, or undefined when check() would have refused the request (no sender, survey,
 * place or recipient).
 */
export function solicitationOf(request: RelayRequest, settings: CritizrSettings): Solicitation | undefined {
  const sender = senderOf(request, settings);
  const survey = surveyOf(request, settings);
  const place = placeOf(request, settings);
  const recipient = recipientOf(request);
  if (sender === undefined || survey === undefined || place === undefined || recipient === undefined) return undefined;
  const context = Object.fromEntries(contextOf(request, settings).map((e) => [e.name, e.value]));
  // The seed's key order: sender, survey, type, place, recipient, context.
  return { sender, survey, type: request.channel, place, recipient, context };
}
