import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { WebhookEventType } from '../../shared/api/webhook-schemas';
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
  const endpoints = await db.selectFrom('webhook_endpoints').select(['id', 'events']).where('org', '=', org).where('disabled_at', 'is', null).orderBy('id').execute();
  const subscribed = endpoints.filter((endpoint) => (JSON.parse(endpoint.events) as string[]).includes(type));
  for (const endpoint of subscribed) {
    const delivery = await db
      .insertInto('webhook_deliveries')
      .values({
        endpoint_id: endpoint.id,
        org,
        message_id: newMessageId(),
        type,
        subject_id: subjectId,
        body: null,
        created_at: now.toISOString(),
        delivered_at: null,
        failed_at: null,
        last_status: null,
        last_error: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await addJob(db, { kind: 'webhook', org, subjectId: delivery.id, dueAt: now }, now);
  }
  return subscribed.length;
}

/** `msg_` and 24 url-safe characters (144 random bits): unique without asking the database. */
function newMessageId(): string {
  return `msg_${randomBytes(18).toString('base64url')}`;
}
