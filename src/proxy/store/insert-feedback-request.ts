import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { recipientOf, siteCodeOf, type FeedbackRequestRow, type FullFeedbackRequest, type NewFeedbackRequest } from './feedback-request-rows';
import { addJob } from './job-store';
import { addRequestEvent } from './settle-relay';
import type { FeedbackRequestState, Tables } from './tables';

export interface CreateOptions {
  now: Date;
  /** Over-survey protection: at most one request per recipient within this many days (0: off). */
  throttleDays: number;
  /** Marked sent at once (an external link, or the proxy's own channel): no relay job. */
  sentAtOnce: boolean;
}

export type CreateResult =
  | { status: 'created'; request: FullFeedbackRequest }
  /** The same Idempotency-Key and body as an earlier request: that request. */
  | { status: 'replayed'; request: FullFeedbackRequest }
  /** The same Idempotency-Key with another body. */
  | { status: 'key_reused' };

const token = () => randomBytes(16).toString('base64url');
const DAY_MS = 86_400_000;

/** Requests with their data and reminders, in two queries whatever their number. */
export async function fullRequests(q: Kysely<Tables>, rows: FeedbackRequestRow[]): Promise<FullFeedbackRequest[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [data, reminders] = await Promise.all([
    q.selectFrom('feedback_request_data').selectAll().where('request_id', 'in', ids).orderBy('request_id').orderBy('position').execute(),
    q.selectFrom('feedback_request_reminders').selectAll().where('request_id', 'in', ids).orderBy('request_id').orderBy('position').execute(),
  ]);
  const byRequest = <T extends { request_id: number }>(items: T[]) => {
    const groups = new Map<number, T[]>();
    for (const item of items) groups.get(item.request_id)?.push(item) ?? groups.set(item.request_id, [item]);
    return groups;
  };
  const [dataOf, remindersOf] = [byRequest(data), byRequest(reminders)];
  return rows.map((row) => ({ row, data: dataOf.get(row.id) ?? [], reminders: remindersOf.get(row.id) ?? [] }));
}

/**
 * Stores a new request on `trx`, a write transaction: an Idempotency-Key seen before answers
 * its first request (or refuses another body); over-survey protection may make it `not_sent`;
 * a request to be relayed gets its `relay` job, due at `send_at`, in the same transaction.
 */
export async function insertFeedbackRequest(trx: Kysely<Tables>, request: NewFeedbackRequest, { now, throttleDays, sentAtOnce }: CreateOptions): Promise<CreateResult> {
  if (request.idempotency_key !== null) {
    const earlier = await trx.selectFrom('feedback_requests').selectAll().where('org', '=', request.org).where('idempotency_key', '=', request.idempotency_key).executeTakeFirst();
    if (earlier) return earlier.body_hash === request.body_hash ? { status: 'replayed', request: (await fullRequests(trx, [earlier]))[0]! } : { status: 'key_reused' };
  }
  const nowIso = now.toISOString();
  const recipient = recipientOf(request);
  const throttledBy = !request.ignore_throttle && throttleDays > 0 && recipient !== null ? await recentFor(trx, request, recipient, throttleDays) : undefined;
  const state: FeedbackRequestState = throttledBy ? 'not_sent' : sentAtOnce ? 'sent' : 'pending';
  const row = await trx
    .insertInto('feedback_requests')
    .values({
      org: request.org,
      state,
      channel: request.channel,
      provider: request.provider,
      email: request.email,
      phone: request.phone,
      first_name: request.first_name,
      surname: request.surname,
      survey_id: request.survey_id,
      email_template_id: request.email_template_id,
      text_message_template_id: request.text_message_template_id,
      reference: request.reference,
      machine_id: request.machine_id,
      site_code: siteCodeOf(request.data),
      send_at: request.send_at,
      sent_at: state === 'sent' ? nowIso : null,
      created_at: nowIso,
      updated_at: nowIso,
      // The seed's own wording for the setting: "the organisation's 'over-survey protection' setting".
      not_sent_reason: throttledBy
        ? `over-survey protection: request ${throttledBy} already asks this customer within ${throttleDays} days; set ignore_throttle to send anyway`
        : null,
      delivery_failure: null,
      ignore_throttle: request.ignore_throttle ? 1 : 0,
      external_link: request.external_link ? 1 : 0,
      link_token: token(),
      callback_token: token(),
      provider_id: null,
      idempotency_key: request.idempotency_key,
      body_hash: request.body_hash,
      recipient,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  if (request.data.length) {
    await trx.insertInto('feedback_request_data').values(request.data.map((d, position) => ({ request_id: row.id, position, key: d.key, value: d.value }))).execute();
  }
  if (request.reminders.length) {
    await trx
      .insertInto('feedback_request_reminders')
      .values(request.reminders.map((r, position) => ({ request_id: row.id, position, ...r, sent_at: null, not_sent_reason: null, delivery_failure: null })))
      .execute();
  }
  await addRequestEvent(trx, row.id, now, 'created', `relayed through ${request.provider}`);
  if (state === 'pending') await addJob(trx, { kind: 'relay', org: row.org, subjectId: row.id, dueAt: new Date(request.relay_at ?? request.send_at) }, now);
  else await addRequestEvent(trx, row.id, now, state, row.not_sent_reason ?? (request.external_link ? 'external link: the merchant contacts the customer' : 'hosted link'));
  return { status: 'created', request: (await fullRequests(trx, [row]))[0]! };
}

/** The id of a live request to the same recipient within `days` of this one's send time. */
async function recentFor(trx: Kysely<Tables>, request: NewFeedbackRequest, recipient: string, days: number): Promise<number | undefined> {
  const at = new Date(request.send_at).getTime();
  const row = await trx
    .selectFrom('feedback_requests')
    .select('id')
    .where('org', '=', request.org)
    .where('recipient', '=', recipient)
    .where('state', '!=', 'not_sent')
    .where('send_at', '>', new Date(at - days * DAY_MS).toISOString())
    .where('send_at', '<', new Date(at + days * DAY_MS).toISOString())
    .orderBy('id')
    .executeTakeFirst();
  return row?.id;
}
