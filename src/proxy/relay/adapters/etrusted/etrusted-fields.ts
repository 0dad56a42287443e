/**
 * How a RelayRequest becomes one `Invite` of eTrusted's `InvitesRequest`, as
 * pure functions shared by the check and the call so the two never disagree.
 */
import { dataValue, type RelayRequest } from '../../relay-request';
import type { EtrustedChannel, EtrustedSettings } from './etrusted-settings';

/** The seed's `Invite` model, as we fill it. */
export interface Invite {
  questionnaireTemplate: { id: string };
  template: { id: string };
  customer: { firstName?: string; lastName?: string; email: string; locale?: string };
  transaction: { reference: string; date: string };
  preferredSendTime: string;
  metadata: Record<string, string>;
}

/** The seed's `InvitesRequest`. */
export interface InvitesRequest {
  channel: EtrustedChannel;
  system: string;
  systemVersion: string;
  invites: Invite[];
}

/** The `data[]` key our merchants name their site with (CustomerSure's "Pass in a site_code"). */
export const SITE_CODE = 'site_code';

/**
 * Metadata keys our own fields take; a `data[]` entry with one of these keys would overwrite them.
 * `reference` is the merchant's: `transaction.reference` carries our request id (see inviteOf).
 */
export const RESERVED_METADATA_KEYS = ['reference', 'machine_id', 'survey_id'] as const;

// "Email address of the customer. This must be a valid email address." The contract fake's reading.
export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The channel the request goes to: its site's, else the org's default. */
export function channelOf(request: RelayRequest, settings: EtrustedSettings): EtrustedChannel | undefined {
  const site = dataValue(request, SITE_CODE);
  return (site !== undefined ? settings.site_channels[site] : undefined) ?? settings.channel;
}

/** The questionnaire template our survey maps to, else the org's default. */
export function questionnaireTemplateOf(request: RelayRequest, settings: EtrustedSettings): string | undefined {
  return settings.questionnaire_templates[String(request.surveyId)] ?? settings.questionnaire_template_id;
}

/** The invite template our email template maps to; the default only when the request names none. */
export function inviteTemplateOf(request: RelayRequest, settings: EtrustedSettings): string | undefined {
  if (request.emailTemplateId === null) return settings.default_template_id;
  return settings.email_templates[String(request.emailTemplateId)];
}

/**
 * "Key-value pairs of metadata associated with the invite.": everything the merchant gave that has no
 * field of its own in the Invite model. Every `data[]` entry (site_code included: it chose the channel,
 * but the merchant's value is kept), then the merchant's `reference`, `machine_id` and our `survey_id`.
 */
export function metadataOf(request: RelayRequest): Record<string, string> {
  const metadata: Record<string, string> = {};
  for (const { key, value } of request.data) metadata[key] = value;
  if (request.reference !== null) metadata.reference = request.reference;
  if (request.machineId !== null) metadata.machine_id = request.machineId;
  metadata.survey_id = String(request.surveyId);
  return metadata;
}

/**
 * "yyyy-MM-dd'T'HH:mm:ss.SSSZ": our instants are ISO UTC already; this makes sure the milliseconds the
 * pattern spells out are there (`2023-08-20T17:00:00Z` -> `2023-08-20T17:00:00.000Z`).
 */
export function etrustedDateTime(iso: string): string {
  return new Date(iso).toISOString();
}

/**
 * One request as an `Invite`.
 *
 * @example
 * inviteOf(relayRequest(), settings).transaction // { reference: '208073', date: '2023-08-20T17:00:00.000Z' }
 */
export function inviteOf(request: RelayRequest, settings: EtrustedSettings): Invite {
  const sendAt = etrustedDateTime(request.sendAt);
  return {
    // A survey or template without a mapping is caught by check(); if the settings changed since the
    // request was accepted, the id goes out empty and eTrusted's own 400 inside the 207 names it.
    questionnaireTemplate: { id: questionnaireTemplateOf(request, settings) ?? '' },
    template: { id: inviteTemplateOf(request, settings) ?? '' },
    customer: {
      ...(request.firstName !== null && { firstName: request.firstName }),
      ...(request.surname !== null && { lastName: request.surname }),
      email: request.email ?? '',
      ...(settings.locale !== undefined && { locale: settings.locale }),
    },
    transaction: {
      // "An external reference to the transaction." Our request id, not the merchant's `reference`
      // (kept in metadata): a 207 echoes each failed invite, and this is how its failure finds its request.
      reference: String(request.id),
      // "The date when the transaction occurred". A CustomerSure request carries no transaction date; the
      // time it asks the invite to go out is the nearest we know, and never before the transaction.
      date: sendAt,
    },
    // "If it is not set or the date is in the past, the invite will be scheduled immediately."
    preferredSendTime: sendAt,
    metadata: metadataOf(request),
  };
}
