import type { Kysely, Selectable } from 'kysely';
import { takenOnConflict, type CodeTaken } from './code-taken';
import { writeTransaction } from './dialect';
import { linkByCode } from './link-by-code';
import type { PageRequest } from './response-store';
import type { StaffTable, Tables } from './tables';

export type StaffRow = Selectable<StaffTable>;
export type StaffFields = Pick<StaffRow, 'code' | 'first_name' | 'surname' | 'email' | 'time_zone' | 'deactivated_at' | 'team_id'>;

export interface StaffSearch {
  /** Exact, case-insensitive. */
  email?: string;
  /** Exact. */
  code?: string;
}

export interface StaffStore {
  create(org: string, fields: StaffFields, now: Date): Promise<StaffRow | CodeTaken>;
  find(org: string, id: number): Promise<StaffRow | undefined>;
  update(org: string, id: number, patch: Partial<StaffFields>, now: Date): Promise<StaffRow | CodeTaken>;
  /** Sorted by first name, surname, then id. */
  list(org: string, search: StaffSearch, page: PageRequest): Promise<{ rows: StaffRow[]; total: number }>;
}

/** Staff members; like sites, a new code links the responses that already name it. */
export function createStaffStore(db: Kysely<Tables>): StaffStore {
  const byCode = (q: Kysely<Tables>, org: string, code: string) =>
    q.selectFrom('staff').selectAll().where('org', '=', org).where('code', '=', code).executeTakeFirst();

  return {
    create: (org, fields, now) =>
      takenOnConflict(fields.code, () => writeTransaction(db, async (trx) => {
        if (await byCode(trx, org, fields.code)) return { taken: fields.code };
        const stamp = now.toISOString();
        const row = await trx
          .insertInto('staff')
          .values({ org, ...fields, email: lowerOrNull(fields.email), created_at: stamp, updated_at: stamp })
          .returningAll()
          .executeTakeFirstOrThrow();
        await linkByCode(trx, 'staff', org, row.code, row.id);
        return row;
      })),

    find: (org, id) => db.selectFrom('staff').selectAll().where('org', '=', org).where('id', '=', id).executeTakeFirst(),

    update: (org, id, patch, now) =>
      takenOnConflict(patch.code ?? '', () => writeTransaction(db, async (trx) => {
        if (patch.code !== undefined) {
          const holder = await byCode(trx, org, patch.code);
          if (holder && holder.id !== id) return { taken: patch.code };
        }
        const set = patch.email === undefined ? patch : { ...patch, email: lowerOrNull(patch.email) };
        const row = await trx
          .updateTable('staff')
          .set({ ...set, updated_at: now.toISOString() })
          .where('org', '=', org)
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow();
        if (patch.code !== undefined) await linkByCode(trx, 'staff', org, row.code, row.id);
        return row;
      })),

    list: async (org, search, page) => {
      let query = db.selectFrom('staff').where('org', '=', org);
      if (search.email !== undefined) query = query.where('email', '=', search.email.trim().toLowerCase());
      if (search.code !== undefined) query = query.where('code', '=', search.code);
      const rows = await query.selectAll().orderBy('first_name').orderBy('surname').orderBy('id').limit(page.limit).offset(page.offset).execute();
      const { n } = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return { rows, total: Number(n) };
    },
  };
}

/** Emails compare case-insensitively, so they are stored lower-cased. */
function lowerOrNull(email: string | null): string | null {
  const trimmed = email?.trim();
  return trimmed ? trimmed.toLowerCase() : null;
}
