import type { Kysely } from 'kysely';
import { createStore, type Store } from '../../../src/proxy/store/open-store';
import type { Tables } from '../../../src/proxy/store/tables';
import { openTestDb } from '../test-store';

export const T0 = new Date('2026-11-23T10:00:00.000Z');

/** A migrated, empty store (this run's backend), with the database handle `enqueueWebhookEvent` takes. */
export async function webhookDb(): Promise<{ db: Kysely<Tables>; store: Store }> {
  const db = await openTestDb();
  return { db, store: createStore(db) };
}

/** Ms after `at`. */
export function later(at: Date, ms: number): Date {
  return new Date(at.getTime() + ms);
}
