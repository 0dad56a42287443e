import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ResponseRateCounts } from '../../shared/metrics/response-rate';
import { writeTransaction } from './dialect';
import {
  recipientOf,
  siteCodeOf,
  type FeedbackRequestEventRow,
  type FeedbackRequestRow,
  type FullFeedbackRequest,
  type NewFeedbackRequest,
} from './feedback-request-rows';
import { addJob, type NewJob } from './job-store';
import { addRequestEvent, settleRelay, type RelaySettleItem } from './settle-relay';
import type { FeedbackRequestState, Tables } from './tables';
import type { RelaySettlement, RequestChanged } from './settle-relay';

export type { FullFeedbackRequest, NewFeedbackRequest, FeedbackRequestRow, FeedbackRequestEventRow, RelaySettleItem };

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

export type { RelaySettlement } from './settle-relay';

/** Something a provider told us about a request (Securating's webhook steps, Critizr's statuses). */
export interface ProviderReport {
  kind: string;
  detail?: string;
  state?: FeedbackRequestState;
  deliveryFailure?: string | null;
  notSentReason?: string | null;
  /** A reminder went out: the first unsent one is marked sent. */
  reminderSent?: boolean;
}

export interface FeedbackRequestFilter {
  state?: FeedbackRequestState;
  email?: string;
  surveyIds?: readonly number[];
}

export interface FeedbackRequestStore {
  create(request: NewFeedbackRequest, options: CreateOptions): Promise<CreateResult>;
  find(org: string, id: number): Promise<FullFeedbackRequest | undefined>;
  list(org: string, filter: FeedbackRequestFilter, page: { limit: number; offset: number }): Promise<{ rows: FullFeedbackRequest[]; total: number }>;
  /** Full requests by id, in the order asked, for the relay worker (any org). */
  byIds(ids: readonly number[]): Promise<FullFeedbackRequest[]>;
  byLinkToken(token: string): Promise<FullFeedbackRequest | undefined>;
  byCallbackToken(token: string): Promise<FullFeedbackRequest | undefined>;
  timeline(id: number): Promise<FeedbackRequestEventRow[]>;
  /** Records a relay attempt and settles its job, together; false (and nothing written) when `owner` lost the lease. */
  settle(jobId: number, owner: string, requestId: number, settlement: RelaySettlement, now: Date): Promise<boolean>;
  /**
   * `settle` for the outcomes of one call that carried several requests (a Critizr bulk, an eTrusted
   * list), in one transaction: one commit for up to 1,000 outcomes, not 1,000. Per item, whether the
   * lease was still held.
   */
  settleMany(items: readonly RelaySettleItem[], owner: string, now: Date): Promise<boolean[]>;
  /** Records a provider's report about a request (no job involved). */
  report(requestId: number, report: ProviderReport, now: Date): Promise<void>;
  /** Sent requests in [from, to), and how many were delivered and replied to (the seed's `response_rate`). */
  responseRate(org: string, from: string, to: string, filter: { surveyIds?: readonly number[]; siteCodes?: readonly string[] }): Promise<ResponseRateCounts>;
}

export type { RequestChanged } from './settle-relay';

const token = () => randomBytes(16).toString('base64url');
const DAY_MS = 86_400_000;

/**
 * Feedback requests with their data, reminders and timeline. A request and
 * its relay job are written in one transaction, and an attempt's outcome is
 * recorded with its job's settlement in one transaction, so nothing is lost
 * between them and a request is never both queued and settled.
 */
export function createFeedbackRequestStore(db: Kysely<Tables>, changed: RequestChanged = async () => undefined): FeedbackRequestStore {
  const full = async (q: Kysely<Tables>, rows: FeedbackRequestRow[]): Promise<FullFeedbackRequest[]> => {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const [data, reminders] = await Promise.all([
      q.selectFrom('feedback_request_data').selectAll().where('request_id', 'in', ids).orderBy('request_id').orderBy('position').execute(),
      q.selectFrom('feedback_request_reminders').selectAll().where('request_id', 'in', ids).orderBy('request_id').orderBy('position').execute(),
    ]);
    return rows.map((row) => ({ row, data: data.filter((d) => d.request_id === row.id), reminders: reminders.filter((r) => r.request_id === row.id) }));
  };
  const one = async (q: Kysely<Tables>, row: FeedbackRequestRow | undefined) => (row ? (await full(q, [row]))[0] : undefined);
  const event = addRequestEvent;

  return {
    create: (request, { now, throttleDays, sentAtOnce }) =>
      writeTransaction(db, async (trx) => {
        if (request.idempotency_key !== null) {
          const earlier = await trx.selectFrom('feedback_requests').selectAll().where('org', '=', request.org).where('idempotency_key', '=', request.idempotency_key).executeTakeFirst();
          if (earlier) return earlier.body_hash === request.body_hash ? { status: 'replayed', request: (await one(trx, earlier))! } : { status: 'key_reused' };
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
        await event(trx, row.id, now, 'created', `relayed through ${request.provider}`);
        if (state === 'pending') await addJob(trx, { kind: 'relay', org: row.org, subjectId: row.id, dueAt: new Date(request.send_at) }, now);
        else await event(trx, row.id, now, state, row.not_sent_reason ?? (request.external_link ? 'external link: the merchant contacts the customer' : 'hosted link'));
        return { status: 'created', request: (await one(trx, row))! };
      }),

    find: async (org, id) => one(db, await db.selectFrom('feedback_requests').selectAll().where('org', '=', org).where('id', '=', id).executeTakeFirst()),

    list: async (org, filter, page) => {
      let query = db.selectFrom('feedback_requests').where('org', '=', org);
      if (filter.state) query = query.where('state', '=', filter.state);
      if (filter.email) query = query.where('recipient', '=', filter.email.trim().toLowerCase());
      if (filter.surveyIds?.length) query = query.where('survey_id', 'in', [...filter.surveyIds]);
      const rows = await query.selectAll().orderBy('id', 'desc').limit(page.limit).offset(page.offset).execute();
      const total = Number((await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      return { rows: await full(db, rows), total };
    },

    byIds: async (ids) => {
      if (ids.length === 0) return [];
      const rows = await db.selectFrom('feedback_requests').selectAll().where('id', 'in', [...ids]).execute();
      const byId = new Map((await full(db, rows)).map((r) => [r.row.id, r]));
      return ids.map((id) => byId.get(id)).filter((r): r is FullFeedbackRequest => r !== undefined);
    },

    byLinkToken: async (t) => one(db, await db.selectFrom('feedback_requests').selectAll().where('link_token', '=', t).executeTakeFirst()),
    byCallbackToken: async (t) => one(db, await db.selectFrom('feedback_requests').selectAll().where('callback_token', '=', t).executeTakeFirst()),
    timeline: (id) => db.selectFrom('feedback_request_events').selectAll().where('request_id', '=', id).orderBy('id').execute(),

    settle: (jobId, owner, requestId, settlement, now) => writeTransaction(db, (trx) => settleRelay(trx, changed, { jobId, requestId, settlement }, owner, now)),

    settleMany: async (items, owner, now) => {
      if (items.length === 0) return [];
      return writeTransaction(db, async (trx) => {
        const held: boolean[] = [];
        for (const item of items) held.push(await settleRelay(trx, changed, item, owner, now));
        return held;
      });
    },

    report: (requestId, report, now) =>
      writeTransaction(db, async (trx) => {
        const row = await trx.selectFrom('feedback_requests').selectAll().where('id', '=', requestId).executeTakeFirst();
        if (!row) return;
        const nowIso = now.toISOString();
        const patch: Partial<FeedbackRequestRow> = {};
        // States only move forward (pending -> sent | not_sent): a late or repeated report never undoes a later one.
        if (report.state && report.state !== row.state && row.state === 'pending') {
          patch.state = report.state;
          if (report.state === 'sent') patch.sent_at = nowIso;
        }
        if (report.deliveryFailure !== undefined && report.deliveryFailure !== row.delivery_failure) patch.delivery_failure = report.deliveryFailure;
        if (report.notSentReason && row.not_sent_reason === null && (patch.state ?? row.state) === 'not_sent') patch.not_sent_reason = report.notSentReason;
        if (Object.keys(patch).length) {
          await trx.updateTable('feedback_requests').set({ ...patch, updated_at: nowIso }).where('id', '=', requestId).execute();
          await changed(trx, row.org, requestId, now);
        }
        if (report.reminderSent) {
          const next = await trx.selectFrom('feedback_request_reminders').select('id').where('request_id', '=', requestId).where('sent_at', 'is', null).orderBy('position').executeTakeFirst();
          if (next) await trx.updateTable('feedback_request_reminders').set({ sent_at: nowIso }).where('id', '=', next.id).execute();
        }
        await event(trx, requestId, now, report.kind, report.detail ?? null);
      }),

    responseRate: async (org, from, to, filter) => {
      let query = db.selectFrom('feedback_requests as fr').where('fr.org', '=', org).where('fr.state', '=', 'sent').where('fr.sent_at', '>=', from).where('fr.sent_at', '<', to);
      if (filter.surveyIds?.length) query = query.where('fr.survey_id', 'in', [...filter.surveyIds]);
      if (filter.siteCodes) query = filter.siteCodes.length ? query.where('fr.site_code', 'in', [...filter.siteCodes]) : query.where(({ lit }) => lit(false));
      const row = await query
        .select((eb) => [
          eb.fn.countAll<number>().as('sent'),
          eb.fn.sum<number>(eb.case().when('fr.delivery_failure', 'is', null).then(1).else(0).end()).as('delivered'),
          eb.fn
            .sum<number>(
              eb
                .case()
                .when(eb.exists(eb.selectFrom('responses as r').select('r.id').whereRef('r.feedback_request_id', '=', 'fr.id')))
                .then(1)
                .else(0)
                .end(),
            )
            .as('replied'),
        ])
        .executeTakeFirstOrThrow();
      return { sent: Number(row.sent), delivered: Number(row.delivered ?? 0), replied: Number(row.replied ?? 0) };
    },
  };
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
