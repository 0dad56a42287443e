import type { Kysely } from 'kysely';
import type { Tables } from './tables';

/**
 * Ends every pending delivery of an endpoint that no worker holds, unsent,
 * with `reason`, job and delivery together; `db` is the transaction that
 * disables the endpoint. A delivery a worker is sending right now is left to
 * that worker: it settles it, and a retry then finds the endpoint disabled.
 * Subqueries rather than id lists, so a backlog of any size is one statement.
 */
export async function settleWebhookDeliveries(db: Kysely<Tables>, endpointId: number, now: Date, reason: string): Promise<void> {
  const nowIso = now.toISOString();
  const unheldJobs = (eb: Kysely<Tables>) =>
    eb
      .selectFrom('jobs')
      .select('subject_id')
      .where('kind', '=', 'webhook')
      .where('done_at', 'is', null)
      .where((w) => w.or([w('lease_until', 'is', null), w('lease_until', '<', nowIso)]));

  await db
    .updateTable('webhook_deliveries')
    .set({ failed_at: nowIso, last_error: reason })
    .where('endpoint_id', '=', endpointId)
    .where('delivered_at', 'is', null)
    .where('failed_at', 'is', null)
    .where('id', 'in', unheldJobs(db))
    .execute();
  await db
    .updateTable('jobs')
    .set({ done_at: nowIso, lease_owner: null, lease_until: null, last_error: reason })
    .where('kind', '=', 'webhook')
    .where('done_at', 'is', null)
    .where((w) => w.or([w('lease_until', 'is', null), w('lease_until', '<', nowIso)]))
    .where('subject_id', 'in', (eb) => eb.selectFrom('webhook_deliveries').select('id').where('endpoint_id', '=', endpointId).where('failed_at', 'is not', null))
    .execute();
}
