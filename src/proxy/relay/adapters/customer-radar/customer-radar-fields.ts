/**
 * How a RelayRequest's fields become Customer Radar's `/invitation` body, as
 * pure functions shared by the check and the call so the two never disagree.
 */
import { dataValue, type RelayRequest } from '../../relay-request';
import type { CustomerRadarSettings } from './customer-radar-settings';

/** One `metadata[]` entry, and where in our request it came from (for a breach's `field`). */
export interface MetadataEntry {
  key: string;
  value: string;
  from: string;
}

/** One `sendData[]` entry: the seed's example order, optional fields left out when we have none. */
export interface Recipient {
  email?: string;
  mobile?: string;
  firstName?: string;
  lastName?: string;
  locationDisplayId?: string;
  pomDisplayId?: string;
  metadata?: { key: string; value: string }[];
}

export interface InvitationBody {
  clientDisplayId: string;
  programmeDisplayId?: string;
  sendData: Recipient[];
}

/** The `data[]` key our merchants name their site with (CustomerSure's "Pass in a site_code"). */
export const SITE_CODE = 'site_code';

// The seed's mobile examples are "021000001" and "0211234321": digits, as one would dial them. A number
// given with the usual separators ("021 123 4321", "(021) 123-4321") is the same number, so they are
// dropped; a leading + is kept.
const SEPARATORS = /[\s().-]/g;
export const MOBILE_PATTERN = /^\+?[0-9]{7,15}$/;

/** `sms.number` as Customer Radar's `mobile`: separators dropped. */
export function mobileOf(phone: string): string {
  return phone.replace(SEPARATORS, '');
}

/** The CR location (and POM) our site_code maps to, or undefined. */
export function siteOf(request: RelayRequest, settings: CustomerRadarSettings): CustomerRadarSettings['sites'][string] | undefined {
  const code = dataValue(request, SITE_CODE);
  return code === undefined ? undefined : settings.sites[code];
}

/** The programme our survey maps to, or undefined. */
export function programmeOf(request: RelayRequest, settings: CustomerRadarSettings): string | undefined {
  return settings.programmes[String(request.surveyId)];
}

/**
 * Everything the merchant gave that has no field of its own at CR, as metadata ("Clients shall be able
 * to pass any additional information after putting info in the specific tag and value"): every `data[]`
 * entry but the site_code (which became the location and POM), then `reference` and `machine_id`.
 * Keys pass through `metadata_rename`, since CR keys "must match case/spelling between client and CR".
 */
export function metadataOf(request: RelayRequest, settings: CustomerRadarSettings): MetadataEntry[] {
  const rename = (key: string) => settings.metadata_rename[key] ?? key;
  const entries: MetadataEntry[] = [];
  request.data.forEach(({ key, value }, i) => {
    if (key !== SITE_CODE) entries.push({ key: rename(key), value, from: `data[${i}]` });
  });
  if (request.reference !== null) entries.push({ key: rename('reference'), value: request.reference, from: 'reference' });
  if (request.machineId !== null) entries.push({ key: rename('machine_id'), value: request.machineId, from: 'machine_id' });
  return entries;
}

/**
 * The `/invitation` body for one request: one recipient, as the seed's "Example Request" has.
 *
 * @example
 * JSON.stringify(invitationBody(request, settings))
 */
export function invitationBody(request: RelayRequest, settings: CustomerRadarSettings): InvitationBody {
  const site = siteOf(request, settings);
  const metadata = metadataOf(request, settings).map(({ key, value }) => ({ key, value }));
  const recipient: Recipient = {
    // "abc@g.com | | YES": CR wants an email even when the org's programme sends SMS.
    ...(request.email !== null && { email: request.email }),
    // "021000001 | | |": the mobile is optional, and sent whenever the merchant gave one.
    ...(request.phone !== null && { mobile: mobileOf(request.phone) }),
    ...(request.firstName !== null && { firstName: request.firstName }),
    ...(request.surname !== null && { lastName: request.surname }),
    // A site or survey without a mapping is caught by check(); if the settings changed since the request
    // was accepted, the field is left out and CR's own "missing" refusal names it.
    ...(site && { locationDisplayId: site.location_display_id }),
    ...(site?.pom_display_id !== undefined && { pomDisplayId: site.pom_display_id }),
    ...(metadata.length > 0 && { metadata }),
  };
  const programmeDisplayId = programmeOf(request, settings);
  return {
    clientDisplayId: settings.client_display_id,
    ...(programmeDisplayId !== undefined && { programmeDisplayId }),
    sendData: [recipient],
  };
}
