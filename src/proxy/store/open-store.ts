import type { Kysely } from 'kysely';
import { createBrowseStore, type BrowseStore } from './browse-store';
import { createFeedbackRequestStore, type FeedbackRequestStore } from './feedback-request-store';
import { enqueueWebhookEvent } from './enqueue-webhook-event';
import { createJobStore, type JobStore } from './job-store';
import { exclusively } from './dialect';
import { isMigrated, migrateToLatest } from './migrate';
import { openSqlite, type SqliteOptions } from './open-database';
import { openPostgres, type PostgresOptions } from './open-postgres';
import { createRateLimitStore, type RateLimitStore } from './rate-limit-store';
import { createRatingStore, type RatingStore } from './rating-store';
import { createResponseStore, type ResponseStore } from './response-store';
import { createSessionStore, type SessionStore } from './session-store';
import { createSiteStore, type SiteStore } from './site-store';
import { createStaffStore, type StaffStore } from './staff-store';
import { createStatsStore, type StatsStore } from './stats-store';
import type { Tables } from './tables';
import { createTokenStore, type TokenStore } from './token-store';
import { createWebhookStore, type WebhookStore } from './webhook-store';

/** The whole store: one room per resource over one database. */
export interface Store {
  responses: ResponseStore;
  ratings: RatingStore;
  sites: SiteStore;
  staff: StaffStore;
  tokens: TokenStore;
  jobs: JobStore;
  webhooks: WebhookStore;
  feedbackRequests: FeedbackRequestStore;
  /** The dashboard's rollups, response list and sign-ins. */
  stats: StatsStore;
  browse: BrowseStore;
  sessions: SessionStore;
  /** The abuse limits' counters, shared by every instance on this database (used on PostgreSQL). */
  rateLimits: RateLimitStore;
  /** True when the database answers and every migration is applied (`/readyz`). */
  ready(): Promise<boolean>;
  /** Runs `work` while no other instance on this database runs work under the same `name` (start-up chores). */
  exclusively<T>(name: string, work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type StoreOptions = SqliteOptions & PostgresOptions;

/**
 * Opens the database at `location`, migrates it to the newest schema and
 * returns the store over it: a `postgres://` URL opens PostgreSQL, anything
 * else is a SQLite file (`':memory:'` for tests).
 *
 * @example
 * const store = await openStore('data/responses.sqlite');
 * await store.responses.count();
 */
export async function openStore(location: string, options: StoreOptions = {}): Promise<Store> {
  const db = await openDatabase(location, options);
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return createStore(db);
}

/** A store over an open, migrated database; takes ownership (close() closes it). */
export function createStore(db: Kysely<Tables>): Store {
  const responses = createResponseStore(db);
  return {
    responses,
    ratings: createRatingStore(db),
    sites: createSiteStore(db),
    staff: createStaffStore(db),
    tokens: createTokenStore(db),
    jobs: createJobStore(db),
    webhooks: createWebhookStore(db),
    // Every state change of a request tells its subscribers, in the transaction that made it.
    feedbackRequests: createFeedbackRequestStore(db, async (trx, org, id, now) => void (await enqueueWebhookEvent(trx, org, 'feedback_request.updated', id, now))),
    stats: createStatsStore(db),
    browse: createBrowseStore(db),
    sessions: createSessionStore(db),
    rateLimits: createRateLimitStore(db),
    ready: () => isMigrated(db).catch(() => false),
    exclusively: (name, work) => exclusively(db, name, work),
    // Inserts already queued or committing are finished first: a caller may be waiting for its 201.
    close: () => responses.drain().then(() => db.destroy()),
  };
}

/** The database at `location` (a `postgres://` URL or a SQLite path), not yet migrated. */
export async function openDatabase(location: string, options: StoreOptions = {}): Promise<Kysely<Tables>> {
  return isPostgresUrl(location) ? openPostgres(location, options) : openSqlite(location, options);
}

/** True for the URLs `DATABASE_URL` takes. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}
