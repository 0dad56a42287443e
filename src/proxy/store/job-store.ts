import type { ExpressionBuilder, Kysely, Selectable } from 'kysely';
import { isSqlite, writeTransaction } from './dialect';
import type { JobKind, JobsTable, Tables } from './tables';

export type JobRow = Selectable<JobsTable>;

/** A job to add, inside the transaction that makes it necessary. */
export interface NewJob {
  kind: JobKind;
  org: string;
  subjectId: number;
  dueAt: Date;
}

/**
 * The durable queue: a job is a row; a worker claims due jobs with a lease,
 * runs them and records the outcome. A worker that dies mid-job leaves its
 * lease to expire, and the job is claimed again (at most the in-flight job is
 * re-run). Only the lease holder can settle a job, so a worker that outlived
 * its lease cannot overwrite what its successor recorded.
 */
export interface JobStore {
  /**
   * Up to `limit` due jobs of `kinds`, oldest due first, leased to `owner`
   * until `now + leaseMs`; each claim counts as an attempt.
   */
  claim(kinds: readonly JobKind[], owner: string, now: Date, leaseMs: number, limit: number): Promise<JobRow[]>;
  /** Try again at `at`; false when `owner` no longer holds the lease. */
  retry(id: number, owner: string, at: Date, error: string): Promise<boolean>;
  /** Done for good (sent or given up); false when `owner` no longer holds the lease. */
  finish(id: number, owner: string, now: Date, error?: string): Promise<boolean>;
  /** When the next job of `kinds` is due (or its lease runs out), to sleep until then. */
  nextDueAt(kinds: readonly JobKind[]): Promise<Date | undefined>;
  /** Jobs not done yet, by kind (for tests, readiness and the bench). */
  pending(kinds: readonly JobKind[]): Promise<number>;
}

/**
 * Adds a job on `db`, which may be a transaction: requests and webhook
 * deliveries add theirs in the same transaction that writes them.
 */
export async function addJob(db: Kysely<Tables>, job: NewJob, now: Date): Promise<void> {
  await db
    .insertInto('jobs')
    .values({
      kind: job.kind,
      org: job.org,
      subject_id: job.subjectId,
      due_at: job.dueAt.toISOString(),
      attempts: 0,
      first_attempt_at: null,
      lease_owner: null,
      lease_until: null,
      last_error: null,
      done_at: null,
      created_at: now.toISOString(),
    })
    .execute();
}

/** `JobStore.retry` on `db`, which may be the transaction that records the outcome. */
export async function retryJob(db: Kysely<Tables>, id: number, owner: string, at: Date, error: string): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({ due_at: at.toISOString(), lease_owner: null, lease_until: null, last_error: error })
    .where('id', '=', id)
    .where('lease_owner', '=', owner)
    .where('done_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** `JobStore.finish` on `db`, which may be the transaction that records the outcome. */
export async function finishJob(db: Kysely<Tables>, id: number, owner: string, now: Date, error?: string): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({ done_at: now.toISOString(), lease_owner: null, lease_until: null, last_error: error ?? null })
    .where('id', '=', id)
    .where('lease_owner', '=', owner)
    .where('done_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function createJobStore(db: Kysely<Tables>): JobStore {
  const claimable = (q: Kysely<Tables>, kinds: readonly JobKind[], nowIso: string) =>
    q
      .selectFrom('jobs')
      .where('done_at', 'is', null)
      .where('kind', 'in', [...kinds])
      .where('due_at', '<=', nowIso)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', nowIso)]));

  return {
    claim: (kinds, owner, now, leaseMs, limit) => {
      const nowIso = now.toISOString();
      const lease = (eb: ExpressionBuilder<Tables, 'jobs'>) => ({
        lease_owner: owner,
        lease_until: new Date(now.getTime() + leaseMs).toISOString(),
        attempts: eb('attempts', '+', 1),
        first_attempt_at: eb.fn.coalesce('first_attempt_at', eb.val(nowIso)),
      });
      if (!isSqlite(db)) {
        // One statement: the due rows are locked as they are picked, and rows another instance is
        // claiming at this moment are skipped rather than waited for, so N instances never take one job.
        const picked = claimable(db, kinds, nowIso).select('id').orderBy('due_at').orderBy('id').limit(limit).forUpdate().skipLocked();
        return db
          .updateTable('jobs')
          .set(lease)
          .where('id', 'in', picked)
          .returningAll()
          .execute()
          .then((rows) => rows.sort((a, b) => (a.due_at < b.due_at ? -1 : a.due_at > b.due_at ? 1 : a.id - b.id)));
      }
      // SQLite has no row locks: BEGIN IMMEDIATE takes the database's write lock first, so
      // select-then-lease is atomic across processes on the same file.
      return writeTransaction(db, async (trx) => {
        const ids = (await claimable(trx, kinds, nowIso).select('id').orderBy('due_at').orderBy('id').limit(limit).execute()).map((r) => r.id);
        if (ids.length === 0) return [];
        await trx.updateTable('jobs').set(lease).where('id', 'in', ids).execute();
        return trx.selectFrom('jobs').selectAll().where('id', 'in', ids).orderBy('due_at').orderBy('id').execute();
      });
    },

    retry: (id, owner, at, error) => retryJob(db, id, owner, at, error),
    finish: (id, owner, now, error) => finishJob(db, id, owner, now, error),

    nextDueAt: async (kinds) => {
      const row = await db
        .selectFrom('jobs')
        .select((eb) => eb.fn.min(eb.fn.coalesce('lease_until', 'due_at')).as('at'))
        .where('done_at', 'is', null)
        .where('kind', 'in', [...kinds])
        .executeTakeFirst();
      return row?.at ? new Date(row.at as string) : undefined;
    },

    pending: async (kinds) =>
      Number(
        (await db.selectFrom('jobs').select((eb) => eb.fn.countAll<number>().as('n')).where('done_at', 'is', null).where('kind', 'in', [...kinds]).executeTakeFirstOrThrow()).n,
      ),
  };
}
