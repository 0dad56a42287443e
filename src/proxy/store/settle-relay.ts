import type { Kysely } from 'kysely';
import { addJob, finishJob, retryJob, type NewJob } from './job-store';
import type { Tables } from './tables';

/** What a relay attempt came to, recorded with its job in one transaction. */
export type RelaySettlement =
  | { kind: 'sent'; providerId?: string; detail?: string; followUp?: NewJob }
  | { kind: 'again'; at: Date; reason: string }
  | { kind: 'not_sent'; reason: string };

export interface RelaySettleItem {
  jobId: number;
  requestId: number;
  settlement: RelaySettlement;
}

/** Called in the transaction that changed a request's state, to tell subscribers (webhooks). */
export type RequestChanged = (trx: Kysely<Tables>, org: string, requestId: number, now: Date) => Promise<void>;

/** One line of a request's timeline. */
export async function addRequestEvent(db: Kysely<Tables>, requestId: number, at: Date, kind: string, detail: string | null = null): Promise<void> {
  await db.insertInto('feedback_request_events').values({ request_id: requestId, at: at.toISOString(), kind, detail }).execute();
}

/**
 * Records one attempt's outcome on `trx`: the job first (false, and nothing
 * written, when `owner` no longer holds its lease), then the request's state
 * (which only moves from pending), its timeline, its subscribers and any
 * follow-up job.
 */
export async function settleRelay(trx: Kysely<Tables>, changed: RequestChanged, { jobId, requestId, settlement }: RelaySettleItem, owner: string, now: Date): Promise<boolean> {
  const nowIso = now.toISOString();
  if (settlement.kind === 'again') {
    if (!(await retryJob(trx, jobId, owner, settlement.at, settlement.reason))) return false;
    await addRequestEvent(trx, requestId, now, 'attempt_failed', `${settlement.reason}; next attempt at ${settlement.at.toISOString()}`);
    return true;
  }
  const reason = settlement.kind === 'not_sent' ? settlement.reason : undefined;
  if (!(await finishJob(trx, jobId, owner, now, reason))) return false;
  const row = await trx.selectFrom('feedback_requests').select(['org', 'state']).where('id', '=', requestId).executeTakeFirst();
  if (!row) return true;
  if (row.state === 'pending') {
    await trx
      .updateTable('feedback_requests')
      .set(
        settlement.kind === 'sent'
          ? { state: 'sent', sent_at: nowIso, updated_at: nowIso, provider_id: settlement.providerId ?? null }
          : { state: 'not_sent', not_sent_reason: settlement.reason, updated_at: nowIso },
      )
      .where('id', '=', requestId)
      .execute();
    await changed(trx, row.org, requestId, now);
  }
  const detail = settlement.kind === 'sent' ? (settlement.detail ?? (settlement.providerId ? `id ${settlement.providerId}` : null)) : settlement.reason;
  await addRequestEvent(trx, requestId, now, settlement.kind, detail);
  if (settlement.kind === 'sent' && settlement.followUp) await addJob(trx, settlement.followUp, now);
  return true;
}
