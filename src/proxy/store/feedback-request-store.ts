import type { Kysely } from 'kysely';
import type { ResponseRateCounts } from '../../shared/metrics/response-rate';
import { writeTransaction } from './dialect';
import { fullRequests, insertFeedbackRequest, type CreateOptions, type CreateResult } from './insert-feedback-request';
import type { FeedbackRequestEventRow, FeedbackRequestRow, FullFeedbackRequest, NewFeedbackRequest } from './feedback-request-rows';
import { addRequestEvent, settleRelay, type RelaySettleItem } from './settle-relay';
import type { FeedbackRequestState, Tables } from './tables';
import type { RelaySettlement, RequestChanged } from './settle-relay';

export type { FullFeedbackRequest, NewFeedbackRequest, FeedbackRequestRow, FeedbackRequestEventRow, RelaySettleItem };

export type { CreateOptions, CreateResult };
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


/**
 * Feedback requests with their data, reminders and timeline. A request and
 * its relay job are written in one transaction, and an attempt's outcome is
 * recorded with its job's settlement in one transaction, so nothing is lost
 * between them and a request is never both queued and settled.
 */
export function createFeedbackRequestStore(db: Kysely<Tables>, changed: RequestChanged = async () => undefined): FeedbackRequestStore {
  const one = async (q: Kysely<Tables>, row: FeedbackRequestRow | undefined) => (row ? (await fullRequests(q, [row]))[0] : undefined);

  return {
    create: (request, options) => writeTransaction(db, (trx) => insertFeedbackRequest(trx, request, options)),

    find: async (org, id) => one(db, await db.selectFrom('feedback_requests').selectAll().where('org', '=', org).where('id', '=', id).executeTakeFirst()),

    list: async (org, filter, page) => {
      let query = db.selectFrom('feedback_requests').where('org', '=', org);
      if (filter.state) query = query.where('state', '=', filter.state);
      if (filter.email) query = query.where('recipient', '=', filter.email.trim().toLowerCase());
      if (filter.surveyIds?.length) query = query.where('survey_id', 'in', [...filter.surveyIds]);
      const rows = await query.selectAll().orderBy('id', 'desc').limit(page.limit).offset(page.offset).execute();
      const total = Number((await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
      return { rows: await fullRequests(db, rows), total };
    },

    byIds: async (ids) => {
      if (ids.length === 0) return [];
      const rows = await db.selectFrom('feedback_requests').selectAll().where('id', 'in', [...ids]).execute();
      const byId = new Map((await fullRequests(db, rows)).map((r) => [r.row.id, r]));
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
        await addRequestEvent(trx, requestId, now, report.kind, report.detail ?? null);
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
