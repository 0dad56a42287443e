import { sql, type Kysely } from 'kysely';
import { serialPrimaryKey } from '../dialect';

/**
 * Feedback requests (the seed's `POST /feedback_requests`) with their data,
 * reminders and timeline; the durable job queue the relay and webhook workers
 * claim from; webhook endpoints and deliveries; and the link from a response
 * to the request it answers.
 *
 * A request and its first job are written in one transaction, so a request
 * acknowledged with 201 is always either sent or still queued.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pk = serialPrimaryKey(db);
  const id = (c: any) => (pk.autoIncrement ? c.primaryKey().autoIncrement() : c.primaryKey());
  const index = (name: string, table: string, columns: string[]) => db.schema.createIndex(name).on(table).columns(columns).execute();

  await db.schema
    .createTable('feedback_requests')
    .addColumn('id', pk.type, id)
    .addColumn('org', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('first_name', 'text')
    .addColumn('surname', 'text')
    .addColumn('survey_id', 'integer', (c) => c.notNull())
    .addColumn('email_template_id', 'integer')
    .addColumn('text_message_template_id', 'integer')
    .addColumn('reference', 'text')
    .addColumn('machine_id', 'text')
    .addColumn('site_code', 'text')
    .addColumn('send_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('not_sent_reason', 'text')
    .addColumn('delivery_failure', 'text')
    .addColumn('ignore_throttle', 'integer', (c) => c.notNull())
    .addColumn('external_link', 'integer', (c) => c.notNull())
    .addColumn('link_token', 'text', (c) => c.notNull().unique())
    .addColumn('callback_token', 'text', (c) => c.notNull().unique())
    .addColumn('provider_id', 'text')
    .addColumn('idempotency_key', 'text')
    .addColumn('body_hash', 'text', (c) => c.notNull())
    // Lower-cased email or the SMS number: whom over-survey protection counts per.
    .addColumn('recipient', 'text')
    .execute();
  await index('feedback_requests_org_id', 'feedback_requests', ['org', 'id']);
  await index('feedback_requests_org_state', 'feedback_requests', ['org', 'state', 'id']);
  await index('feedback_requests_recipient', 'feedback_requests', ['org', 'recipient', 'send_at']);
  await index('feedback_requests_sent', 'feedback_requests', ['org', 'sent_at']);
  // NULL keys are distinct on both databases: only requests that carried a key are held to it.
  await db.schema.createIndex('feedback_requests_idempotency').unique().on('feedback_requests').columns(['org', 'idempotency_key']).execute();

  await db.schema
    .createTable('feedback_request_data')
    .addColumn('id', pk.type, id)
    .addColumn('request_id', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
  await index('feedback_request_data_request', 'feedback_request_data', ['request_id', 'position']);

  await db.schema
    .createTable('feedback_request_reminders')
    .addColumn('id', pk.type, id)
    .addColumn('request_id', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('send_at', 'text', (c) => c.notNull())
    .addColumn('email_template_id', 'integer')
    .addColumn('text_message_template_id', 'integer')
    .addColumn('sent_at', 'text')
    .addColumn('not_sent_reason', 'text')
    .addColumn('delivery_failure', 'text')
    .execute();
  await index('feedback_request_reminders_request', 'feedback_request_reminders', ['request_id', 'position']);

  // The timeline: each attempt, each state change, each step a provider reported.
  await db.schema
    .createTable('feedback_request_events')
    .addColumn('id', pk.type, id)
    .addColumn('request_id', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .execute();
  await index('feedback_request_events_request', 'feedback_request_events', ['request_id', 'id']);

  await db.schema.alterTable('responses').addColumn('feedback_request_id', 'integer').execute();
  await index('responses_feedback_request', 'responses', ['feedback_request_id']);

  // One row per unit of work (relay a request, read its status back, deliver a webhook). Claiming
  // sets a lease; a worker that dies leaves the lease to expire and another claims the job again.
  await db.schema
    .createTable('jobs')
    .addColumn('id', pk.type, id)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('org', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'integer', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('first_attempt_at', 'text')
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('done_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('jobs_due').on('jobs').columns(['kind', 'due_at']).where(sql.ref('done_at'), 'is', null).execute();
  await index('jobs_subject', 'jobs', ['kind', 'subject_id']);

  await db.schema
    .createTable('webhook_endpoints')
    .addColumn('id', pk.type, id)
    .addColumn('org', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    /** JSON array of event types. */
    .addColumn('events', 'text', (c) => c.notNull())
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('previous_secret', 'text')
    .addColumn('previous_secret_until', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('disabled_at', 'text')
    .execute();
  await index('webhook_endpoints_org', 'webhook_endpoints', ['org', 'id']);

  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('id', pk.type, id)
    .addColumn('endpoint_id', 'integer', (c) => c.notNull())
    .addColumn('org', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'integer', (c) => c.notNull())
    /** The exact body, fixed at the first attempt so every retry signs the same bytes. */
    .addColumn('body', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('delivered_at', 'text')
    .addColumn('failed_at', 'text')
    .addColumn('last_status', 'integer')
    .addColumn('last_error', 'text')
    .execute();
  await index('webhook_deliveries_endpoint', 'webhook_deliveries', ['endpoint_id', 'id']);
  await db.schema.createIndex('webhook_deliveries_message').unique().on('webhook_deliveries').columns(['endpoint_id', 'message_id']).execute();
}
