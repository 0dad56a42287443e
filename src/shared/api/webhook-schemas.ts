import { z } from 'zod';
import { cleanString } from './clean-string';

/**
 * The webhooks out (https://www.standardwebhooks.com): the endpoints an org
 * subscribes and the deliveries made to them, as the `/api/webhook_endpoints`
 * routes accept and return them. Keys a body does not list are refused with a
 * 403 before these run, as everywhere in the v1 API.
 */

/** Every event an endpoint can subscribe to. */
export const WEBHOOK_EVENT_TYPES = ['response.created', 'feedback_request.updated'] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

const timestamp = z.string().describe('ISO 8601 in UTC: YYYY-MM-DDTHH:MM:SSZ');

/**
 * True for a URL deliveries may go to: https anywhere, plain http only to a
 * loopback host (localhost, 127.0.0.0/8, ::1), so a receiver on a developer's
 * machine or in a test can be subscribed while a signed body never crosses a
 * network in the clear.
 *
 * @example
 * isWebhookUrl('http://127.0.0.1:8080/hooks') // true
 * isWebhookUrl('http://hooks.example.com/in') // false
 */
export function isWebhookUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol === 'https:') return url.hostname !== '';
  if (url.protocol !== 'http:') return false;
  // WHATWG URL has already normalised `127.1` and `0x7f.1` to dotted quads and kept IPv6 in brackets.
  return url.hostname === 'localhost' || url.hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(url.hostname);
}

const WebhookUrlSchema = z
  .string()
  .trim()
  .min(1)
  .max(2000)
  .superRefine(cleanString)
  .refine(isWebhookUrl, { message: 'must be an https URL (plain http only for localhost, 127.0.0.0/8 or ::1)' })
  .describe('Where deliveries are POSTed: https, or http to a loopback host for local development');

const WebhookEventsSchema = z
  .array(z.enum(WEBHOOK_EVENT_TYPES, { error: `must be one of ${WEBHOOK_EVENT_TYPES.join(', ')}` }))
  .min(1)
  .refine((events) => new Set(events).size === events.length, { message: 'must name each event once' })
  // uniqueItems: so the JSON Schema says what the refinement checks.
  .meta({ description: 'The events delivered to this endpoint: at least one, each once', uniqueItems: true });

const DescriptionSchema = z
  .string()
  .trim()
  .max(500)
  .superRefine(cleanString)
  .nullable()
  .optional()
  .transform((v) => (v === '' ? null : v))
  .describe('Your note about this endpoint');

export const WebhookEndpointCreateSchema = z
  .object({ url: WebhookUrlSchema, events: WebhookEventsSchema, description: DescriptionSchema })
  .meta({ id: 'WebhookEndpointCreate' });

export const WebhookEndpointPatchSchema = z
  .object({
    url: WebhookUrlSchema.optional(),
    events: WebhookEventsSchema.optional(),
    description: DescriptionSchema,
    disabled: z.boolean().optional().describe('true pauses deliveries (pending ones end unsent); false resumes'),
  })
  .meta({ id: 'WebhookEndpointPatch' });

/** An endpoint as every reply shows it: never its secret, which only creation and rotation return. */
export const WebhookEndpointSchema = z
  .object({
    id: z.number().int(),
    url: z.string(),
    description: z.string().nullable(),
    events: z.array(z.enum(WEBHOOK_EVENT_TYPES)),
    disabled: z.boolean().describe('Disabled by PATCH, by DELETE, or by the endpoint answering 410 Gone'),
    created_at: timestamp,
    updated_at: timestamp,
  })
  .meta({ id: 'WebhookEndpoint' });

const SecretSchema = z
  .string()
  .regex(/^whsec_[A-Za-z0-9+/=]+$/)
  .describe('The signing secret (`whsec_…`), shown only in this reply: store it where your receiver can read it');

/** The reply to `POST /webhook_endpoints`: the endpoint and, this once, its secret. */
export const WebhookEndpointCreatedSchema = WebhookEndpointSchema.extend({ secret: SecretSchema }).meta({ id: 'WebhookEndpointCreated' });

/** The reply to `POST /webhook_endpoints/{id}/rotate_secret`. */
export const WebhookSecretRotationSchema = z
  .object({
    secret: SecretSchema,
    previous_secret_expires_at: timestamp.describe('Until then deliveries are signed with both secrets, so receivers can switch without losing any'),
  })
  .meta({ id: 'WebhookSecretRotation' });

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;

/** One event sent (or being sent) to one endpoint. */
export const WebhookDeliverySchema = z
  .object({
    id: z.number().int(),
    message_id: z.string().describe('The `webhook-id` header: the same on every attempt, so receivers can drop duplicates'),
    type: z.enum(WEBHOOK_EVENT_TYPES),
    subject_id: z.number().int().describe('The response or feedback request the event is about'),
    status: z.enum(WEBHOOK_DELIVERY_STATUSES),
    attempts: z.number().int().min(0),
    next_attempt_at: timestamp.nullable().describe('When a pending delivery is tried next'),
    created_at: timestamp,
    delivered_at: timestamp.nullable(),
    failed_at: timestamp.nullable(),
    last_status: z.number().int().nullable().describe('The HTTP status of the last attempt; null when it got no answer'),
    last_error: z.string().nullable().describe('Why the last attempt failed, or why the delivery ended unsent'),
  })
  .meta({ id: 'WebhookDelivery' });

export type WebhookEndpointCreate = z.infer<typeof WebhookEndpointCreateSchema>;
export type WebhookEndpointPatch = z.infer<typeof WebhookEndpointPatchSchema>;
export type WebhookEndpointJson = z.infer<typeof WebhookEndpointSchema>;
export type WebhookEndpointCreatedJson = z.infer<typeof WebhookEndpointCreatedSchema>;
export type WebhookSecretRotationJson = z.infer<typeof WebhookSecretRotationSchema>;
export type WebhookDeliveryJson = z.infer<typeof WebhookDeliverySchema>;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];
