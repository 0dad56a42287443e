import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { WebhookEventType } from '../../shared/api/webhook-schemas';
import { chunks } from './chunks';
import { addJob } from './job-store';
import type { Tables } from './tables';

/**
 * Queues one event for every enabled endpoint of `org` subscribed to `type`:
 * a `webhook_deliveries` row (with the `webhook-id` every attempt will carry)
 * and a `webhook` job due at once, per endpoint. `db` is meant to be the
 * transaction that writes what the event is about, so an event is queued if
 * and only if its subject was stored. Returns how many deliveries it queued.
 *
 * @example
 * await writeTransaction(db, async (trx) => {
 *   const id = await insertResponse(trx, …);
 *   await enqueueWebhookEvent(trx, org, 'response.created', id, now);
 * });
 */
export async function enqueueWebhookEvent(db: Kysely<Tables>, org: string, type: WebhookEventType, subjectId: number, now: Date): Promise<number> {
  return enqueueWebhookEvents(db, [{ org, type, subjectId, now }]);
}

/** One event `enqueueWebhookEvents` queues. */
export interface WebhookEvent {
  org: string;
  type: WebhookEventType;
  subjectId: number;
  now: Date;
}

/**
 * `enqueueWebhookEvent` for many events at once (a batch of responses): one
 * query for the endpoints of all their orgs, one multi-row insert for the
 * deliveries, then their jobs. Returns how many deliveries it queued.
 */
export async function enqueueWebhookEvents(db: Kysely<Tables>, events: readonly WebhookEvent[]): Promise<number> {
  if (events.length === 0) return 0;
  const orgs = [...new Set(events.map((e) => e.org))];
  const endpoints = await db.selectFrom('webhook_endpoints').select(['id', 'org', 'events']).where('org', 'in', orgs).where('disabled_at', 'is', null).orderBy('id').execute();
  if (endpoints.length === 0) return 0;
  const subscribers = (event: WebhookEvent) =>
    endpoints.filter((endpoint) => endpoint.org === event.org && (JSON.parse(endpoint.events) as string[]).includes(event.type));
  const deliveries = events.flatMap((event) =>
    subscribers(event).map((endpoint) => ({
      endpoint_id: endpoint.id,
      org: event.org,
      message_id: newMessageId(),
      type: event.type,
      subject_id: event.subjectId,
      body: null,
      created_at: event.now.toISOString(),
      delivered_at: null,
      failed_at: null,
      last_status: null,
      last_error: null,
    })),
  );
  const ids = new Map<string, number>();
  for (const slice of chunks(deliveries)) {
    for (const row of await db.insertInto('webhook_deliveries').values(slice).returning(['id', 'message_id']).execute()) ids.set(row.message_id, row.id);
  }
  for (const delivery of deliveries) {
    const now = new Date(delivery.created_at);
    await addJob(db, { kind: 'webhook', org: delivery.org, subjectId: ids.get(delivery.message_id)!, dueAt: now }, now);
  }
  return deliveries.length;
}

/** `msg_` and 24 url-safe characters (144 random bits): unique without asking the database. */
function newMessageId(): string {
  return `msg_${randomBytes(18).toString('base64url')}`;
}
