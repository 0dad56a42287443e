/**
 * The eTrusted seed's rules a request can break, checked before it is
 * accepted so our API answers 422 instead of the request ending `not_sent`.
 * The seed marks nothing required; what is required here is what the contract
 * fake (and a service that must send an email invite) cannot do without.
 */
import type { RuleBreach } from '../../relay-adapter';
import type { RelayRequest } from '../../relay-request';
import { EMAIL, RESERVED_METADATA_KEYS, SITE_CODE, channelOf, inviteTemplateOf, questionnaireTemplateOf } from './etrusted-fields';
import type { EtrustedSettings } from './etrusted-settings';

/**
 * Every breach, in the order of the request's fields.
 *
 * @example
 * checkEtrusted(relayRequest({ email: null }), settings) // [{ field: 'email', error: 'required', … }]
 */
export function checkEtrusted(request: RelayRequest, settings: EtrustedSettings): RuleBreach[] {
  const breaches: RuleBreach[] = [];
  // The Invite's `customer` has firstName, lastName, email and locale, and no phone: eTrusted invites go
  // by email. An SMS request would silently become an email, so it is refused.
  if (request.channel === 'sms') {
    breaches.push({ field: 'sms', error: 'forbidden_value', extraInfo: { reason: 'eTrusted invites are sent by email only' } });
  }
  // "email string The customer's email address." / "This must be a valid email address."
  if (request.email === null) {
    breaches.push({ field: 'email', error: 'required', extraInfo: { reason: 'eTrusted sends invites by email' } });
  } else if (!EMAIL.test(request.email)) {
    breaches.push({ field: 'email', error: 'invalid_format', extraInfo: {} });
  }
  // "questionnaireTemplate … The eTrusted unique identifier of the questionnaire template."
  if (questionnaireTemplateOf(request, settings) === undefined) {
    breaches.push({ field: 'survey_id', error: 'invalid_value', extraInfo: { reason: 'no eTrusted questionnaire template is mapped to this survey' } });
  }
  // "template … The eTrusted unique identifier of the invite template."
  if (inviteTemplateOf(request, settings) === undefined) {
    breaches.push(
      request.emailTemplateId === null
        ? { field: 'email_template_id', error: 'required', extraInfo: { reason: 'eTrusted needs an invite template and the org set no default' } }
        : { field: 'email_template_id', error: 'invalid_value', extraInfo: { reason: 'no eTrusted invite template is mapped to this email template' } },
    );
  }
  breaches.push(...channelBreaches(request, settings), ...metadataBreaches(request));
  // The Invite model has no reminders: one invite, sent at preferredSendTime. Dropping them silently
  // would lose what the merchant asked for.
  if (request.reminders.length > 0 && !settings.ignore_reminders) {
    breaches.push({ field: 'reminders', error: 'forbidden_value', extraInfo: { reason: 'eTrusted invites have no reminders' } });
  }
  return breaches;
}

// "channel … The channel which will be associated with the invites." With no default channel, the
// site_code must name one.
function channelBreaches(request: RelayRequest, settings: EtrustedSettings): RuleBreach[] {
  if (channelOf(request, settings) !== undefined) return [];
  const index = request.data.findIndex((d) => d.key === SITE_CODE);
  if (index < 0) return [{ field: 'data', error: 'required', extraInfo: { key: SITE_CODE, reason: 'eTrusted needs a channel, chosen by site_code' } }];
  return [{ field: `data[${index}]`, error: 'invalid_value', extraInfo: { key: SITE_CODE, value: request.data[index]?.value, reason: 'no eTrusted channel is mapped to this site_code' } }];
}

// "metadata … Key-value pairs": an object, so one value per key. A repeated key, or one our own fields
// use, would overwrite a value the merchant gave.
function metadataBreaches(request: RelayRequest): RuleBreach[] {
  const reserved: readonly string[] = RESERVED_METADATA_KEYS;
  const seen = new Set<string>();
  const breaches: RuleBreach[] = [];
  request.data.forEach(({ key }, i) => {
    if (reserved.includes(key)) breaches.push({ field: `data[${i}]`, error: 'forbidden_value', extraInfo: { key, reason: `eTrusted metadata uses ${key} for the request's own field` } });
    else if (seen.has(key)) breaches.push({ field: `data[${i}]`, error: 'forbidden_value', extraInfo: { key, reason: 'eTrusted metadata holds one value per key' } });
    seen.add(key);
  });
  return breaches;
}
