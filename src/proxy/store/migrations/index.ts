import type { Migration } from 'kysely';
import * as m001 from './001-responses';
import * as m002 from './002-api-v1';
import * as m003 from './003-feedback-requests';
import * as m004 from './004-dashboard';
import * as m005 from './005-trust';

/**
 * Every migration, in order, by name. Listed here rather than read from disk
 * so they ship inside a compiled build. Never edit or rename a landed one.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '001-responses': m001,
  '002-api-v1': m002,
  '003-feedback-requests': m003,
  '004-dashboard': m004,
  '005-trust': m005,
};
