import type { Kysely, Selectable } from 'kysely';
import { takenOnConflict, type CodeTaken } from './code-taken';
import { writeTransaction } from './dialect';
import { linkByCode } from './link-by-code';
import type { PageRequest } from './response-store';
import type { SitesTable, Tables } from './tables';

export type SiteRow = Selectable<SitesTable>;
export type SiteFields = Pick<SiteRow, 'site_code' | 'name' | 'city' | 'region' | 'site_type'>;

export type { CodeTaken };

export interface SiteStore {
  create(org: string, fields: SiteFields, now: Date): Promise<SiteRow | CodeTaken>;
  /** By our id when `key` is all digits and such a site exists, else by `site_code` (the seed's `/sites/hq`). */
  find(org: string, key: string): Promise<SiteRow | undefined>;
  update(org: string, id: number, patch: Partial<SiteFields>, now: Date): Promise<SiteRow | CodeTaken>;
  /** Sorted by name, as the seed lists them. */
  list(org: string, page: PageRequest): Promise<{ rows: SiteRow[]; total: number }>;
}

/**
 * Sites. Creating one, or giving one a new code, links the org's responses
 * that name that code and are not linked yet, so filters by site work for
 * feedback that arrived before the site was set up.
 */
export function createSiteStore(db: Kysely<Tables>): SiteStore {
  const byCode = (q: Kysely<Tables>, org: string, code: string) =>
    q.selectFrom('sites').selectAll().where('org', '=', org).where('site_code', '=', code).executeTakeFirst();
  const byId = (q: Kysely<Tables>, org: string, id: number) =>
    q.selectFrom('sites').selectAll().where('org', '=', org).where('id', '=', id).executeTakeFirst();

  return {
    create: (org, fields, now) =>
      takenOnConflict(fields.site_code, () => writeTransaction(db, async (trx) => {
        if (await byCode(trx, org, fields.site_code)) return { taken: fields.site_code };
        const stamp = now.toISOString();
        const row = await trx
          .insertInto('sites')
          .values({ org, ...fields, created_at: stamp, updated_at: stamp })
          .returningAll()
          .executeTakeFirstOrThrow();
        await linkByCode(trx, 'site', org, row.site_code, row.id);
        return row;
      })),

    find: async (org, key) => {
      if (/^[1-9]\d{0,15}$/.test(key)) {
        const row = await byId(db, org, Number(key));
        if (row) return row;
      }
      return byCode(db, org, key);
    },

    update: (org, id, patch, now) =>
      takenOnConflict(patch.site_code ?? '', () => writeTransaction(db, async (trx) => {
        if (patch.site_code !== undefined) {
          const holder = await byCode(trx, org, patch.site_code);
          if (holder && holder.id !== id) return { taken: patch.site_code };
        }
        const row = await trx
          .updateTable('sites')
          .set({ ...patch, updated_at: now.toISOString() })
          .where('org', '=', org)
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow();
        if (patch.site_code !== undefined) await linkByCode(trx, 'site', org, row.site_code, row.id);
        return row;
      })),

    list: async (org, page) => {
      const rows = await db.selectFrom('sites').selectAll().where('org', '=', org).orderBy('name').orderBy('id').limit(page.limit).offset(page.offset).execute();
      const { n } = await db.selectFrom('sites').where('org', '=', org).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return { rows, total: Number(n) };
    },
  };
}
