import { z } from 'zod';

/**
 * A feedback request as the v1 API returns it (the seed's "Feedback
 * Requests" attributes and its create example), one zod schema for the
 * handlers' JSON, the OpenAPI document and the dashboard. Timestamps are
 * `YYYY-MM-DDTHH:MM:SSZ` in UTC, reminders' too (the seed's example echoes a
 * reminder's offset as given; one format throughout is easier to read).
 */

const timestamp = z.string().describe('ISO 8601 in UTC: YYYY-MM-DDTHH:MM:SSZ');
const nullableText = z.string().nullable();

export const FEEDBACK_REQUEST_STATES = ['pending', 'sent', 'not_sent'] as const;

/** The attributes a response's `feedback_request` carries (the seed's feedback response example). */
export const FeedbackRequestSummarySchema = z
  .object({
    id: z.number().int(),
    email: nullableText,
    state: z.enum(FEEDBACK_REQUEST_STATES).describe('pending: scheduled for sending; sent: sent; not_sent: not sent (see not_sent_reason)'),
    first_name: nullableText,
    surname: nullableText,
    survey_id: z.number().int(),
    email_template_id: z.number().int().nullable(),
    reference: nullableText,
    machine_id: nullableText,
    send_at: timestamp,
    sent_at: timestamp.nullable(),
    created_at: timestamp,
    updated_at: timestamp,
    deletion_requested_at: timestamp.nullable().describe('Always null: this proxy deletes nothing on request yet'),
    not_sent_reason: nullableText.describe('Why it was not sent: the system\'s own reason, or over-survey protection'),
    delivery_failure: nullableText.describe('The delivery error the system reported (a bounce), if any'),
  })
  .meta({ id: 'FeedbackRequestSummary' });

export const FeedbackRequestSchema = FeedbackRequestSummarySchema.omit({ deletion_requested_at: true })
  .extend({
    ignore_throttle: z.boolean(),
    external_link: z.boolean(),
    link: z.string().describe('The survey page for this request (/s/{token} on this proxy): pass it on yourself with external_link'),
    sms: z.object({ number: z.string(), text_message_template_id: z.number().int().nullable() }).nullable(),
    provider: z.string().describe('Where it is relayed: customersure, critizr, customer-radar, securating, etrusted, or proxy (not relayed)'),
    data: z.array(z.object({ id: z.number().int(), key: z.string(), value: z.string() })),
    reminders: z.array(
      z.object({
        id: z.number().int(),
        email_template_id: z.number().int().nullable(),
        send_at: timestamp,
        sent_at: timestamp.nullable(),
        text_message_template_id: z.number().int().nullable(),
        not_sent_reason: nullableText,
        delivery_failure: nullableText,
      }),
    ),
    timeline: z
      .array(z.object({ at: timestamp, kind: z.string(), detail: nullableText }))
      .optional()
      .describe('Each attempt, state change and provider report, oldest first (GET /feedback_requests/{id} only)'),
  })
  .meta({ id: 'FeedbackRequest' });

export const ResponseRateSchema = z
  .object({
    response_rate_percent: z.number().describe('reply_count / delivered_count, in percent, rounded; 0 when nothing was delivered'),
    sent_count: z.number().int(),
    delivered_count: z.number().int().describe('Sent with no delivery failure reported'),
    reply_count: z.number().int().describe('Sent requests answered by at least one response'),
  })
  .meta({ id: 'ResponseRate' });

export type FeedbackRequestJson = z.infer<typeof FeedbackRequestSchema>;
export type FeedbackRequestSummaryJson = z.infer<typeof FeedbackRequestSummarySchema>;
export type ResponseRateJson = z.infer<typeof ResponseRateSchema>;
