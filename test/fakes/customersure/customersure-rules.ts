/**
 * The seed's rules for one `POST /feedback_requests` body ("Create a feedback request"), as pure
 * checks: first the unpermitted parameters (a 403), then every validation error at once (a 422).
 * Each rule quotes the sentence of `/work/shared/seeds/customersure-rest-and-widget-api.txt` it
 * comes from; where the seed is silent the reading taken is said.
 */
import type { FieldError } from '../../../src/shared/error-body';

/** "For new resources, this will point to the collection URL, i.e. /feedback_requests/" */
export const COLLECTION_RESOURCE = '/feedback_requests/';

/** What the account owns: "The call will fail if you pass a survey ID that you do not own." */
export interface CustomerSureAccount {
  surveyIds: readonly number[];
}

export type CheckResult =
  | { ok: true; body: Record<string, unknown> }
  | { ok: false; status: 403; unpermitted: string[] }
  | { ok: false; status: 422; errors: FieldError[] };

// The parameters the seed lists under "Create a feedback request", plus `ignore_throttle` ("If you
// set this field to true…"). "403 Forbidden - You'll see this if you send us unpermitted parameters."
const PERMITTED = ['email', 'send_at', 'survey_id', 'email_template_id', 'first_name', 'surname', 'reference', 'machine_id', 'external_link', 'ignore_throttle', 'data', 'sms', 'reminders'];
const PERMITTED_DATA = ['key', 'value'];
const PERMITTED_SMS = ['number', 'text_message_template_id'];
const PERMITTED_REMINDER = ['send_at', 'email_template_id', 'text_message_template_id'];

/**
 * "All timestamps are returned in ISO 8601 format: YYYY-MM-DDTHH:MM:SSZ. You can supply timestamps
 * in any timezone using this format […] Omitting the timezone specifier from an otherwise-correct
 * ISO 8601 date will result in us assuming UTC." The seed's own example writes `+0100`, so `Z`,
 * `±HH:MM` and `±HHMM` are read as offsets; fractions of a second are not "this format" (strict).
 */
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(Z|[+-]\d{2}:?\d{2})?$/;

/** The instant a seed timestamp names (ms), or undefined when it is not one. */
export function parseTimestamp(value: unknown): number | undefined {
  const m = typeof value === 'string' ? TIMESTAMP.exec(value) : null;
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const utc = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(utc);
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return undefined;
  const zone = m[7] ?? 'Z';
  if (zone === 'Z') return utc;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return utc - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
}

/** A timestamp the way the API answers it: UTC, "YYYY-MM-DDTHH:MM:SSZ". */
export function formatTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** Ids are integers; the seed sends them as numbers and lists them as "string", so both are read. */
const asId = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : typeof v === 'string' && /^[1-9]\d*$/.test(v) ? Number(v) : undefined;
const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

function unpermitted(body: Record<string, unknown>): string[] {
  const found = Object.keys(body).filter((k) => !PERMITTED.includes(k));
  const nested = (name: string, value: unknown, allowed: string[]) => {
    const items = Array.isArray(value) ? value.map((v, i) => [`${name}[${i}]`, v] as const) : [[name, value] as const];
    for (const [path, item] of items) if (isObject(item)) found.push(...Object.keys(item).filter((k) => !allowed.includes(k)).map((k) => `${path}.${k}`));
  };
  nested('data', body.data, PERMITTED_DATA);
  nested('sms', body.sms, PERMITTED_SMS);
  nested('reminders', body.reminders, PERMITTED_REMINDER);
  return found;
}

/**
 * Checks one create body against the seed, answering every problem at once as v1 field errors.
 * `now` is the fake's clock: "send_at: required The time in the future […]".
 */
export function checkFeedbackRequest(body: Record<string, unknown>, account: CustomerSureAccount, now: number): CheckResult {
  const extra = unpermitted(body);
  if (extra.length > 0) return { ok: false, status: 403, unpermitted: extra };

  const errors: FieldError[] = [];
  const fail = (field: string, error: FieldError['error'], extraInfo: Record<string, unknown> = {}) =>
    errors.push({ resource: COLLECTION_RESOURCE, field, error, extra_info: extraInfo });
  const future = (field: string, value: unknown) => {
    if (blank(value)) return fail(field, 'required');
    const at = parseTimestamp(value);
    if (at === undefined) return fail(field, 'invalid_date', { valid_format: TIMESTAMP.source });
    if (at <= now) fail(field, 'invalid_date', { minimum: formatTimestamp(now) });
  };
  // "If you wish to send the feedback request via a text message, rather than an email, simply
  // provide the 2 required sms attributes." The `sms` key is what makes a send an SMS send.
  const isSms = body.sms !== undefined && body.sms !== null;

  // "email: required (optional for SMS sends) The customer's email address." The seed gives no
  // format; the fake refuses what cannot be an address (strict).
  if (blank(body.email)) {
    if (!isSms) fail('email', 'required');
  } else if (typeof body.email !== 'string' || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(body.email)) {
    fail('email', 'invalid_format');
  }

  // "send_at: required The time in the future when you'd like the feedback request email to be sent."
  future('send_at', body.send_at);

  // "survey_id: required […] The call will fail if you pass a survey ID that you do not own."
  if (blank(body.survey_id)) fail('survey_id', 'required');
  else if (!account.surveyIds.includes(asId(body.survey_id) ?? -1)) fail('survey_id', 'invalid_value');

  // "email_template_id: required (Ignored for SMS sends)".
  if (blank(body.email_template_id)) {
    if (!isSms) fail('email_template_id', 'required');
  } else if (asId(body.email_template_id) === undefined) fail('email_template_id', 'invalid_format', { must_be: 'integer' });

  for (const field of ['first_name', 'surname', 'reference', 'machine_id'] as const) {
    if (!blank(body[field]) && typeof body[field] !== 'string') fail(field, 'invalid_format');
  }
  // The seed's example error: `"field" : "machine_id", "error" : "wrong_length", "extra_info" :
  // { "maximum" : "36" }`.
  if (typeof body.machine_id === 'string' && body.machine_id.length > 36) fail('machine_id', 'wrong_length', { maximum: '36' });
  // "external_link: optional […] set this option to true"; "ignore_throttle: […] Default false."
  for (const field of ['external_link', 'ignore_throttle'] as const) {
    if (body[field] !== undefined && body[field] !== null && typeof body[field] !== 'boolean') fail(field, 'invalid_value', { allowed_values: [true, false] });
  }

  checkData(body.data, fail);
  checkSms(body.sms, isSms, fail);
  checkReminders(body.reminders, isSms, fail, future);
  return errors.length > 0 ? { ok: false, status: 422, errors } : { ok: true, body };
}

type Fail = (field: string, error: FieldError['error'], extraInfo?: Record<string, unknown>) => void;

/** "data[]: optional (Array)"; "key: string Maximum 30 chars"; "value: string Maximum 100 chars". */
function checkData(data: unknown, fail: Fail): void {
  if (data === undefined || data === null) return;
  if (!Array.isArray(data)) return fail('data', 'invalid_format');
  data.forEach((item, i) => {
    if (!isObject(item)) return fail(`data[${i}]`, 'invalid_format');
    for (const [part, maximum] of [['key', 30], ['value', 100]] as const) {
      const value = item[part];
      if (blank(value)) fail(`data[${i}].${part}`, 'required');
      else if (typeof value !== 'string') fail(`data[${i}].${part}`, 'invalid_format');
      else if (value.length > maximum) fail(`data[${i}].${part}`, 'wrong_length', { maximum: String(maximum) });
    }
  });
}

/**
 * "number: required (string) […] This field cannot be left blank if you provide the sms key."
 * "text_message_template_id: required (Integer) […] This field cannot be left blank if you provide
 * the sms key."
 */
function checkSms(sms: unknown, isSms: boolean, fail: Fail): void {
  if (!isSms) return;
  if (!isObject(sms)) return fail('sms', 'invalid_format');
  if (blank(sms.number)) fail('sms.number', 'required');
  else if (typeof sms.number !== 'string') fail('sms.number', 'invalid_format');
  if (blank(sms.text_message_template_id)) fail('sms.text_message_template_id', 'required');
  else if (asId(sms.text_message_template_id) === undefined) fail('sms.text_message_template_id', 'invalid_format', { must_be: 'integer' });
}

/**
 * "You must provide either email_template_id or text_message_template_id, but not both."
 * "email_template_id: required for email feedback requests"; "text_message_template_id: required
 * for SMS feedback requests"; "send_at: required The time in the future when you'd like the
 * reminder to be sent."
 */
function checkReminders(reminders: unknown, isSms: boolean, fail: Fail, future: (field: string, value: unknown) => void): void {
  if (reminders === undefined || reminders === null) return;
  if (!Array.isArray(reminders)) return fail('reminders', 'invalid_format');
  reminders.forEach((item, i) => {
    const at = `reminders[${i}]`;
    if (!isObject(item)) return fail(at, 'invalid_format');
    future(`${at}.send_at`, item.send_at);
    const hasEmail = !blank(item.email_template_id);
    const hasText = !blank(item.text_message_template_id);
    if (hasEmail && hasText) {
      return fail(at, 'custom', { message: 'You must provide either email_template_id or text_message_template_id, but not both.' });
    }
    const expected = isSms ? 'text_message_template_id' : 'email_template_id';
    if (!(isSms ? hasText : hasEmail)) return fail(`${at}.${expected}`, 'required');
    if (asId(item[expected]) === undefined) fail(`${at}.${expected}`, 'invalid_format', { must_be: 'integer' });
  });
}
