/**
 * CustomerSure's create rules (seed: `customersure-rest-and-widget-api.txt`, "Create a feedback
 * request"), checked on the body the adapter would send, so a breach is answered by our API as a
 * 422 before the request is accepted. Fields are named as CustomerSure's own errors name them.
 *
 * Not checkable here: "The call will fail if you pass a survey ID that you do not own" (nothing
 * lists the org's surveys), so an unknown survey is refused at delivery with CustomerSure's reason.
 */
import type { RuleBreach } from '../../relay-adapter';
import type { RelayRequest } from '../../relay-request';
import type { CustomerSureSettings } from './customersure-settings';
import { toCustomerSureBody, toTimestamp } from './customersure-fields';

/** The seed's example error: `"field" : "machine_id", "error" : "wrong_length", "extra_info" : { "maximum" : "36" }`. */
const MACHINE_ID_MAX = 36;
/** Data attributes: "key: string Maximum 30 chars"; "value: string Maximum 100 chars". */
const DATA_MAX = { key: 30, value: 100 } as const;

const blank = (v: string | null | undefined) => v === null || v === undefined || v.trim() === '';
const breach = (field: string, error: RuleBreach['error'], extraInfo: Record<string, unknown> = {}): RuleBreach => ({ field, error, extraInfo });

/**
 * "send_at: required The time in the future when you'd like the … to be sent." Judged against
 * `now`, the moment the request is accepted.
 */
function future(field: string, value: string, now: number): RuleBreach[] {
  if (blank(value)) return [breach(field, 'required')];
  const at = Date.parse(value);
  if (Number.isNaN(at)) return [breach(field, 'invalid_date', { valid_format: 'YYYY-MM-DDTHH:MM:SSZ' })];
  return at <= now ? [breach(field, 'invalid_date', { minimum: toTimestamp(new Date(now).toISOString()) })] : [];
}

/**
 * Every rule of the seed the request breaks, once mapped with the org's settings.
 *
 * @example
 * checkCustomerSure(relayRequest({ email: null }), settings, Date.now()) // [{ field: 'email', error: 'required', extraInfo: {} }]
 */
export function checkCustomerSure(request: RelayRequest, settings: CustomerSureSettings, now: number): RuleBreach[] {
  const body = toCustomerSureBody(request, settings);
  const sms = request.channel === 'sms';
  const found: RuleBreach[] = [];

  // "email: required (optional for SMS sends)". The seed gives no format; a value that cannot be
  // an address is refused as CustomerSure would refuse it, with invalid_format.
  if (blank(body.email)) {
    if (!sms) found.push(breach('email', 'required'));
  } else if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(body.email ?? '')) found.push(breach('email', 'invalid_format'));

  found.push(...future('send_at', request.sendAt, now));

  // "survey_id: required The ID for the survey you would like the customer to complete."
  if (!Number.isInteger(body.survey_id) || body.survey_id <= 0) found.push(breach('survey_id', 'invalid_value', { must_be: 'integer' }));

  // "email_template_id: required (Ignored for SMS sends)"
  if (!sms && body.email_template_id === undefined) found.push(breach('email_template_id', 'required'));

  if (body.machine_id !== undefined && body.machine_id.length > MACHINE_ID_MAX) {
    found.push(breach('machine_id', 'wrong_length', { maximum: String(MACHINE_ID_MAX) }));
  }

  (body.data ?? []).forEach((item, i) => {
    for (const part of ['key', 'value'] as const) {
      if (blank(item[part])) found.push(breach(`data[${i}].${part}`, 'required'));
      else if (item[part].length > DATA_MAX[part]) found.push(breach(`data[${i}].${part}`, 'wrong_length', { maximum: String(DATA_MAX[part]) }));
    }
  });

  // "number: required […] This field cannot be left blank if you provide the sms key." and the
  // same of "text_message_template_id".
  if (body.sms) {
    if (blank(body.sms.number)) found.push(breach('sms.number', 'required'));
    if (body.sms.text_message_template_id === null) found.push(breach('sms.text_message_template_id', 'required'));
  }

  request.reminders.forEach((reminder, i) => {
    const at = `reminders[${i}]`;
    found.push(...future(`${at}.send_at`, reminder.sendAt, now));
    // "You must provide either email_template_id or text_message_template_id, but not both."
    if (reminder.emailTemplateId !== null && reminder.textMessageTemplateId !== null) {
      found.push(breach(at, 'custom', { message: 'You must provide either email_template_id or text_message_template_id, but not both.' }));
      return;
    }
    // "email_template_id: required for email feedback requests"; "text_message_template_id:
    // required for SMS feedback requests".
    const wanted = sms ? reminder.textMessageTemplateId : reminder.emailTemplateId;
    if (wanted === null) found.push(breach(`${at}.${sms ? 'text_message_template_id' : 'email_template_id'}`, 'required'));
  });

  return found;
}
