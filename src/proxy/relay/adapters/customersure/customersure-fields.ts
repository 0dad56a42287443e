/**
 * A relay request as CustomerSure's `POST /feedback_requests` body (seed:
 * `customersure-rest-and-widget-api.txt`, "Create a feedback request"). The request already is in
 * that format, so this is close to the identity: the org's id mappings, the seed's timestamp
 * format, and nulls left out.
 */
import type { RelayRequest } from '../../relay-request';
import type { CustomerSureSettings } from './customersure-settings';

export interface CustomerSureReminder {
  send_at: string;
  email_template_id?: number;
  text_message_template_id?: number;
}

/** The create body, keys in the seed example's order. */
export interface CustomerSureBody {
  email?: string;
  send_at: string;
  survey_id: number;
  email_template_id?: number;
  first_name?: string;
  surname?: string;
  reference?: string;
  machine_id?: string;
  data?: { key: string; value: string }[];
  sms?: { number: string | null; text_message_template_id: number | null };
  reminders?: CustomerSureReminder[];
}

type IdMap = 'survey_ids' | 'email_template_ids' | 'text_message_template_ids';

/** Our id as the org's CustomerSure id: mapped when the settings list it, else as it is. */
export function mapId(settings: CustomerSureSettings, map: IdMap, id: number): number;
export function mapId(settings: CustomerSureSettings, map: IdMap, id: number | null): number | null;
export function mapId(settings: CustomerSureSettings, map: IdMap, id: number | null): number | null {
  return id === null ? null : (settings[map][String(id)] ?? id);
}

/**
 * `data[]` with `site_code` values mapped to the org's site codes ("Pass in a site_code and ensure
 * at least one site in CustomerSure has that site_code set against it"). Every other pair passes
 * untouched: "Any other key/value pairs passed in the data array will be saved as information
 * against the feedback", so nothing the merchant gave is lost.
 */
export function mapData(settings: CustomerSureSettings, data: RelayRequest['data']): { key: string; value: string }[] {
  return data.map(({ key, value }) => ({ key, value: key === 'site_code' ? (settings.site_codes[value] ?? value) : value }));
}

/**
 * An instant in the seed's format: "All timestamps are returned in ISO 8601 format:
 * YYYY-MM-DDTHH:MM:SSZ. You can supply timestamps in any timezone using this format". Our
 * instants carry milliseconds, which that format has no room for; they are dropped. Text that is
 * no instant passes as it is (`check` has already said so).
 */
export function toTimestamp(iso: string): string {
  const at = Date.parse(iso);
  return Number.isNaN(at) ? iso : new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Copies the keys whose value is not null. */
function present<T extends object>(fields: { [K in keyof T]: T[K] | null }): T {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null)) as T;
}

/**
 * The create body for one request. `callbackUrl` has no place: CustomerSure calls nobody back.
 *
 * @example
 * toCustomerSureBody(relayRequest(), settings).survey_id // 1484, or the org's id for it
 */
export function toCustomerSureBody(request: RelayRequest, settings: CustomerSureSettings): CustomerSureBody {
  const body: CustomerSureBody = present<CustomerSureBody>({
    // "email: required (optional for SMS sends)"
    email: request.email,
    send_at: toTimestamp(request.sendAt),
    survey_id: mapId(settings, 'survey_ids', request.surveyId),
    // "email_template_id: required (Ignored for SMS sends)": passed whenever given, ignored or not.
    email_template_id: mapId(settings, 'email_template_ids', request.emailTemplateId),
    first_name: request.firstName,
    surname: request.surname,
    reference: request.reference,
    machine_id: request.machineId,
  });
  if (request.data.length > 0) body.data = mapData(settings, request.data);
  // "If you wish to send the feedback request via a text message, rather than an email, simply
  // provide the 2 required sms attributes."
  if (request.channel === 'sms') {
    body.sms = { number: request.phone, text_message_template_id: mapId(settings, 'text_message_template_ids', request.textMessageTemplateId) };
  }
  if (request.reminders.length > 0) {
    body.reminders = request.reminders.map((r) =>
      present<CustomerSureReminder>({
        email_template_id: mapId(settings, 'email_template_ids', r.emailTemplateId),
        text_message_template_id: mapId(settings, 'text_message_template_ids', r.textMessageTemplateId),
        send_at: toTimestamp(r.sendAt),
      }),
    );
  }
  return body;
}
