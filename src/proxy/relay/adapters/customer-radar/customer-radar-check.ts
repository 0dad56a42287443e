/**
 * The Customer Radar seed's rules a request can break, checked before it is
 * accepted so our API answers 422 instead of the request ending `not_sent`.
 */
import { z } from 'zod';
import type { RuleBreach } from '../../relay-adapter';
import type { RelayRequest } from '../../relay-request';
import { MOBILE_PATTERN, SITE_CODE, metadataOf, mobileOf, programmeOf, siteOf } from './customer-radar-fields';
import type { CustomerRadarSettings } from './customer-radar-settings';

const emailFormat = z.email();

/**
 * Every breach, in the order of the request's fields.
 *
 * @example
 * checkCustomerRadar(relayRequest({ email: null, channel: 'sms', phone: '0211234321' }), settings)
 * // [{ field: 'email', error: 'required', … }]
 */
export function checkCustomerRadar(request: RelayRequest, settings: CustomerRadarSettings): RuleBreach[] {
  const breaches: RuleBreach[] = [];
  // Body table: "abc@g.com | | YES". The seed sends "an SMS or email feedback invitation", yet the
  // table marks the email required, and the contract fake holds to the table: an SMS request needs one too.
  if (request.email === null) {
    breaches.push({ field: 'email', error: 'required', extraInfo: { reason: 'Customer Radar needs an email address, SMS invitations included' } });
  } else if (!emailFormat.safeParse(request.email).success) {
    breaches.push({ field: 'email', error: 'invalid_format', extraInfo: {} });
  }
  // "021000001 | | |": digits (the seed's two examples), read as 7 to 15 with an optional +.
  if (request.phone !== null && !MOBILE_PATTERN.test(mobileOf(request.phone))) {
    breaches.push({ field: 'sms.number', error: 'invalid_format', extraInfo: { pattern: MOBILE_PATTERN.source } });
  }
  // "| | Alphanumeric | YES | CR Support will provide a programmeDisplayId the client."
  if (programmeOf(request, settings) === undefined) {
    breaches.push({ field: 'survey_id', error: 'invalid_value', extraInfo: { reason: 'no Customer Radar programme is mapped to this survey' } });
  }
  breaches.push(...siteBreaches(request, settings));
  breaches.push(...metadataBreaches(request, settings));
  // CR takes no reminders: the programme's "Send Rule" ("Please create a Send Rule in the Client Edit
  // page") decides what goes out. Dropping them silently would lose what the merchant asked for.
  if (request.reminders.length > 0 && !settings.ignore_reminders) {
    breaches.push({ field: 'reminders', error: 'forbidden_value', extraInfo: { reason: 'Customer Radar sends no reminders; its programme Send Rule decides follow-ups' } });
  }
  return breaches;
}

// "locationDisplayId | | Alphanumeric | YES": our site_code is what names it.
function siteBreaches(request: RelayRequest, settings: CustomerRadarSettings): RuleBreach[] {
  const index = request.data.findIndex((d) => d.key === SITE_CODE);
  if (index < 0) return [{ field: 'data', error: 'required', extraInfo: { key: SITE_CODE, reason: 'Customer Radar needs a location' } }];
  if (siteOf(request, settings) !== undefined) return [];
  return [{ field: `data[${index}]`, error: 'invalid_value', extraInfo: { key: SITE_CODE, value: request.data[index]?.value, reason: 'no Customer Radar location is mapped to this site_code' } }];
}

// "Clients shall be able to pass any additional information after putting info in the specific tag and
// value. Key is mapped to internal CR programme settings and must match case/spelling between client and CR."
function metadataBreaches(request: RelayRequest, settings: CustomerRadarSettings): RuleBreach[] {
  const allowed = settings.programme_metadata_keys;
  const breaches: RuleBreach[] = [];
  for (const entry of metadataOf(request, settings)) {
    if (entry.key === '') breaches.push({ field: entry.from, error: 'required', extraInfo: { part: 'key' } });
    else if (allowed && !allowed.includes(entry.key)) breaches.push({ field: entry.from, error: 'forbidden_value', extraInfo: { key: entry.key, allowed } });
  }
  return breaches;
}
