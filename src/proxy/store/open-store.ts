import type { Kysely } from 'kysely';
import { createBrowseStore, type BrowseStore } from './browse-store';
import { createFeedbackRequestStore, type FeedbackRequestStore } from './feedback-request-store';
import { enqueueWebhookEvent } from './enqueue-webhook-event';
import { createJobStore, type JobStore } from './job-store';
import { migrateToLatest } from './migrate';
import { openSqlite, type SqliteOptions } from './open-database';
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
  close(): Promise<void>;
}

/**
 * Opens the SQLite file at `path` (`':memory:'` for tests), migrates it to
 * the newest schema and returns the store over it.
 *
 * @example
 * const store = await openStore('data/responses.sqlite');
 * await store.responses.count();
 */
export async function openStore(path: string, options: SqliteOptions = {}): Promise<Store> {
  const db = openSqlite(path, options);
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
  return {
    responses: createResponseStore(db),
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
    close: () => db.destroy(),
  };
}
