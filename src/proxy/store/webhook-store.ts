import type { Kysely, Selectable } from 'kysely';
import type { WebhookEventType } from '../../shared/api/webhook-schemas';
import { newWebhookSecret } from '../webhooks/sign-webhook';
import { writeTransaction } from './dialect';
import { finishJob, retryJob } from './job-store';
import type { PageRequest } from './response-store';
import { settleWebhookDeliveries } from './settle-webhook-deliveries';
import type { Tables, WebhookDeliveriesTable, WebhookEndpointsTable } from './tables';

export { enqueueWebhookEvent } from './enqueue-webhook-event';

/** An endpoint with its events read from their JSON column. Holds the secrets: keep it out of replies and logs. */
export interface WebhookEndpoint extends Omit<Selectable<WebhookEndpointsTable>, 'events'> {
  events: WebhookEventType[];
}

export type WebhookDeliveryRow = Selectable<WebhookDeliveriesTable>;

/** A delivery with its job's progress, as the delivery log shows it. */
export interface WebhookDeliveryView extends WebhookDeliveryRow {
  attempts: number;
  /** When the job is next due; null once it is done. */
  next_attempt_at: string | null;
}

export interface WebhookEndpointFields {
  url: string;
  events: WebhookEventType[];
  description: string | null;
}

export interface WebhookEndpointPatch extends Partial<WebhookEndpointFields> {
  disabled?: boolean;
}

/** The attempt a worker is settling: which delivery, under which job and lease, and what the receiver said. */
export interface WebhookAttempt {
  deliveryId: number;
  jobId: number;
  owner: string;
  /** The receiver's HTTP status; null when there was no answer. */
  status: number | null;
  error?: string;
}

export interface WebhookStore {
  /** A new endpoint with a fresh secret: the one time the secret leaves the store for a reply. */
  create(org: string, fields: WebhookEndpointFields, now: Date): Promise<WebhookEndpoint>;
  /** Oldest first. */
  list(org: string, page: PageRequest): Promise<{ rows: WebhookEndpoint[]; total: number }>;
  find(org: string, id: number): Promise<WebhookEndpoint | undefined>;
  /** Disabling ends the endpoint's pending deliveries unsent; undefined when there is no such endpoint. */
  update(org: string, id: number, patch: WebhookEndpointPatch, now: Date): Promise<WebhookEndpoint | undefined>;
  /** `DELETE`: disables the endpoint and ends its pending deliveries unsent; its delivery log stays readable. */
  remove(org: string, id: number, now: Date): Promise<boolean>;
  /** A new secret; the old one keeps signing too until `previous_secret_expires_at`. */
  rotateSecret(org: string, id: number, now: Date, graceMs?: number): Promise<{ secret: string; previous_secret_expires_at: Date } | undefined>;
  /** Newest first. */
  deliveries(org: string, endpointId: number, page: PageRequest): Promise<{ rows: WebhookDeliveryView[]; total: number }>;
  /** For the worker: a delivery and the endpoint it goes to. */
  loadDelivery(id: number): Promise<{ delivery: WebhookDeliveryRow; endpoint: WebhookEndpoint | undefined } | undefined>;
  /** Fixes a delivery's body once; returns the body stored, which is the earlier one if there was one. */
  saveBody(id: number, body: string): Promise<string>;
  /** Settles a 2xx: job done, delivery delivered. False when `owner` no longer holds the job. */
  markDelivered(attempt: WebhookAttempt, now: Date): Promise<boolean>;
  /** Settles for good, unsent; `disableEndpoint` for a 410 Gone. False when `owner` no longer holds the job. */
  markFailed(attempt: WebhookAttempt, now: Date, options?: { disableEndpoint?: boolean }): Promise<boolean>;
  /** Records a failed attempt and makes the job due again at `retryAt`. False when `owner` no longer holds the job. */
  markAttempt(attempt: WebhookAttempt, retryAt: Date): Promise<boolean>;
}

/** How long a rotated-out secret keeps signing, by default. */
export const SECRET_GRACE_MS = 24 * 3_600_000;

/**
 * Webhook endpoints and their deliveries. Every outcome a worker records
 * settles the job and the delivery in one transaction, so the delivery log
 * and the queue never disagree.
 */
export function createWebhookStore(db: Kysely<Tables>): WebhookStore {
  const byId = async (q: Kysely<Tables>, org: string, id: number) =>
    endpoint(await q.selectFrom('webhook_endpoints').selectAll().where('org', '=', org).where('id', '=', id).executeTakeFirst());

  const disable = async (trx: Kysely<Tables>, id: number, now: Date, reason: string) => {
    await trx
      .updateTable('webhook_endpoints')
      .set((eb) => ({ disabled_at: eb.fn.coalesce('disabled_at', eb.val(now.toISOString())), updated_at: now.toISOString() }))
      .where('id', '=', id)
      .execute();
    await settleWebhookDeliveries(trx, id, now, reason);
  };

  const settle = (attempt: WebhookAttempt, work: (trx: Kysely<Tables>) => Promise<boolean>) =>
    writeTransaction(db, async (trx) => {
      if (!(await work(trx))) return false;
      await trx
        .updateTable('webhook_deliveries')
        .set({ last_status: attempt.status, last_error: attempt.error ?? null })
        .where('id', '=', attempt.deliveryId)
        .execute();
      return true;
    });

  return {
    create: async (org, fields, now) => {
      const stamp = now.toISOString();
      const row = await db
        .insertInto('webhook_endpoints')
        .values({
          org,
          url: fields.url,
          description: fields.description,
          events: JSON.stringify(fields.events),
          secret: newWebhookSecret(),
          previous_secret: null,
          previous_secret_until: null,
          created_at: stamp,
          updated_at: stamp,
          disabled_at: null,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return endpoint(row) as WebhookEndpoint;
    },

    list: async (org, page) => {
      const rows = await db.selectFrom('webhook_endpoints').selectAll().where('org', '=', org).orderBy('id').limit(page.limit).offset(page.offset).execute();
      const { n } = await db.selectFrom('webhook_endpoints').where('org', '=', org).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return { rows: rows.map((row) => endpoint(row) as WebhookEndpoint), total: Number(n) };
    },

    find: (org, id) => byId(db, org, id),

    update: (org, id, patch, now) =>
      writeTransaction(db, async (trx) => {
        const found = await byId(trx, org, id);
        if (!found) return undefined;
        const { disabled, events, ...fields } = patch;
        await trx
          .updateTable('webhook_endpoints')
          .set({
            ...fields,
            ...(events ? { events: JSON.stringify(events) } : {}),
            ...(disabled === false ? { disabled_at: null } : {}),
            updated_at: now.toISOString(),
          })
          .where('id', '=', id)
          .execute();
        if (disabled === true) await disable(trx, id, now, 'endpoint disabled');
        return byId(trx, org, id);
      }),

    remove: (org, id, now) =>
      writeTransaction(db, async (trx) => {
        if (!(await byId(trx, org, id))) return false;
        await disable(trx, id, now, 'endpoint deleted');
        return true;
      }),

    rotateSecret: (org, id, now, graceMs = SECRET_GRACE_MS) =>
      writeTransaction(db, async (trx) => {
        const found = await byId(trx, org, id);
        if (!found) return undefined;
        // One previous secret at a time: rotating again within the grace period retires the oldest at once.
        const secret = newWebhookSecret();
        const until = new Date(now.getTime() + graceMs);
        await trx
          .updateTable('webhook_endpoints')
          .set({ secret, previous_secret: found.secret, previous_secret_until: until.toISOString(), updated_at: now.toISOString() })
          .where('id', '=', id)
          .execute();
        return { secret, previous_secret_expires_at: until };
      }),

    deliveries: async (org, endpointId, page) => {
      const rows = await db
        .selectFrom('webhook_deliveries as d')
        .leftJoin('jobs as j', (join) => join.onRef('j.subject_id', '=', 'd.id').on('j.kind', '=', 'webhook'))
        .selectAll('d')
        .select(['j.attempts', 'j.due_at', 'j.done_at'])
        .where('d.org', '=', org)
        .where('d.endpoint_id', '=', endpointId)
        .orderBy('d.id', 'desc')
        .limit(page.limit)
        .offset(page.offset)
        .execute();
      const { n } = await db
        .selectFrom('webhook_deliveries')
        .where('org', '=', org)
        .where('endpoint_id', '=', endpointId)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const views = rows.map(({ attempts, due_at, done_at, ...delivery }) => ({
        ...delivery,
        attempts: attempts ?? 0,
        next_attempt_at: done_at === null && due_at !== null ? due_at : null,
      }));
      return { rows: views, total: Number(n) };
    },

    loadDelivery: async (id) => {
      const delivery = await db.selectFrom('webhook_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
      if (!delivery) return undefined;
      const found = await db.selectFrom('webhook_endpoints').selectAll().where('id', '=', delivery.endpoint_id).executeTakeFirst();
      return { delivery, endpoint: endpoint(found) };
    },

    saveBody: async (id, body) => {
      await db.updateTable('webhook_deliveries').set({ body }).where('id', '=', id).where('body', 'is', null).execute();
      const row = await db.selectFrom('webhook_deliveries').select('body').where('id', '=', id).executeTakeFirstOrThrow();
      return row.body ?? body;
    },

    markDelivered: (attempt, now) =>
      settle(attempt, async (trx) => {
        if (!(await finishJob(trx, attempt.jobId, attempt.owner, now))) return false;
        await trx.updateTable('webhook_deliveries').set({ delivered_at: now.toISOString() }).where('id', '=', attempt.deliveryId).execute();
        return true;
      }),

    markFailed: (attempt, now, options = {}) =>
      settle(attempt, async (trx) => {
        if (!(await finishJob(trx, attempt.jobId, attempt.owner, now, attempt.error))) return false;
        await trx.updateTable('webhook_deliveries').set({ failed_at: now.toISOString() }).where('id', '=', attempt.deliveryId).execute();
        if (options.disableEndpoint) {
          const { endpoint_id } = await trx.selectFrom('webhook_deliveries').select('endpoint_id').where('id', '=', attempt.deliveryId).executeTakeFirstOrThrow();
          await disable(trx, endpoint_id, now, `endpoint disabled: ${attempt.error ?? 'gone'}`);
        }
        return true;
      }),

    markAttempt: (attempt, retryAt) => settle(attempt, (trx) => retryJob(trx, attempt.jobId, attempt.owner, retryAt, attempt.error ?? 'failed')),
  };
}

function endpoint(row: Selectable<WebhookEndpointsTable> | undefined): WebhookEndpoint | undefined {
  return row && { ...row, events: JSON.parse(row.events) as WebhookEventType[] };
}
