import { z } from 'zod';
import { EMAIL_PATTERN } from '../param-keys';
import { parseTimestamp } from '../periods/parse-timestamp';
import { cleanString } from './clean-string';

/**
 * `POST /feedback_requests` (the seed's "Create a feedback request"), as a
 * zod schema: every documented parameter, its documented limits, and the
 * rules that need only the body. Rules that need the org (its surveys,
 * templates, relay system and clock) are checked by the proxy after this.
 */

// "data[]: key string Maximum 30 chars, value string Maximum 100 chars".
export const DATA_KEY_MAX = 30;
export const DATA_VALUE_MAX = 100;

const timestamp = z
  .string()
  .refine((v) => parseTimestamp(v) !== undefined, { message: 'an ISO 8601 timestamp, e.g. 2023-08-20T18:00:00+0100' })
  .transform((v) => (parseTimestamp(v) as Date).toISOString());

// The seed's JSON sends ids as numbers ("survey_id":1484) but documents survey_id as a string: both.
const id = z.union([z.number().int().positive(), z.string().regex(/^[1-9]\d{0,15}$/, 'a positive integer id').transform(Number)]);
// ignore_throttle is documented as a string ("Default false"); true/false and "true"/"false" are read.
const flag = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);
const optionalText = (max: number) => z.string().trim().max(max).superRefine(cleanString).nullable().optional().transform((v) => (v ? v : null));

const DataSchema = z.object({
  key: z.string().trim().min(1).max(DATA_KEY_MAX).superRefine(cleanString),
  value: z.union([z.string(), z.number(), z.boolean()]).transform(String).pipe(z.string().trim().min(1).max(DATA_VALUE_MAX).superRefine(cleanString)),
});

const SmsSchema = z.object({
  // "number: required (string) The mobile number … This field cannot be left blank if you provide the sms key."
  number: z.string().trim().regex(/^\+?[0-9 ()./-]{6,24}$/, 'a mobile number: digits, optionally with +, spaces, dots, dashes or brackets'),
  text_message_template_id: id,
});

const ReminderSchema = z
  .object({
    send_at: timestamp,
    email_template_id: id.nullable().optional(),
    text_message_template_id: id.nullable().optional(),
  })
  // "You must provide either email_template_id or text_message_template_id, but not both."
  .refine((r) => (r.email_template_id != null) !== (r.text_message_template_id != null), {
    message: 'give either email_template_id or text_message_template_id, not both',
    path: ['email_template_id'],
  });

export const FeedbackRequestCreateSchema = z
  .object({
    email: z.string().trim().max(254).regex(EMAIL_PATTERN).superRefine(cleanString).nullable().optional(),
    send_at: timestamp,
    survey_id: id,
    email_template_id: id.nullable().optional(),
    first_name: optionalText(100),
    surname: optionalText(100),
    reference: optionalText(255),
    machine_id: optionalText(255),
    external_link: flag.optional().default(false),
    data: z.array(DataSchema).max(100).optional().default([]),
    sms: SmsSchema.nullable().optional(),
    reminders: z.array(ReminderSchema).max(10).optional().default([]),
    ignore_throttle: flag.optional().default(false),
  })
  .superRefine((body, ctx) => {
    const sms = body.sms != null;
    // "email: required (optional for SMS sends)"; "email_template_id: required (Ignored for SMS sends)".
    if (!sms && !body.email) ctx.addIssue({ code: 'invalid_type', expected: 'string', input: undefined, path: ['email'], message: 'required for email feedback requests' });
    if (!sms && body.email_template_id == null && !body.external_link) {
      ctx.addIssue({ code: 'invalid_type', expected: 'number', input: undefined, path: ['email_template_id'], message: 'required for email feedback requests' });
    }
    const seen = new Set<string>();
    body.data.forEach(({ key }, i) => {
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['data', i, 'key'], message: `"${key}" is given twice` });
      seen.add(key);
    });
    body.reminders.forEach((r, i) => {
      // "email_template_id: required for email feedback requests"; "text_message_template_id: required for SMS".
      if (sms && r.text_message_template_id == null) ctx.addIssue({ code: 'custom', path: ['reminders', i, 'text_message_template_id'], message: 'an SMS request reminds by text message' });
      if (!sms && r.email_template_id == null) ctx.addIssue({ code: 'custom', path: ['reminders', i, 'email_template_id'], message: 'an email request reminds by email' });
      if (r.send_at <= body.send_at) ctx.addIssue({ code: 'custom', path: ['reminders', i, 'send_at'], message: 'a reminder is sent after the request it reminds of' });
    });
  })
  .meta({ id: 'FeedbackRequestCreate' });

export type FeedbackRequestCreate = z.infer<typeof FeedbackRequestCreateSchema>;
