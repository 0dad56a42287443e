import type { Kysely } from 'kysely';
import type { Tables } from './tables';

/**
 * Links an org's not-yet-linked responses (and their ratings) that carry
 * `code` as their `site_code` / `staff_code` to the site or staff member
 * `id`. Responses already linked keep their link, so renaming a code never
 * moves old feedback.
 */
export async function linkByCode(trx: Kysely<Tables>, kind: 'site' | 'staff', org: string, code: string, id: number): Promise<void> {
  const codeColumn = kind === 'site' ? 'site_code' : 'staff_code';
  const idColumn = kind === 'site' ? 'site_id' : 'staff_id';
  const unlinked = trx
    .selectFrom('responses')
    .select('id')
    .where('org', '=', org)
    .where(codeColumn, '=', code)
    .where(idColumn, 'is', null);
  await trx.updateTable('ratings').set({ [idColumn]: id }).where('response_id', 'in', unlinked).execute();
  await trx.updateTable('responses').set({ [idColumn]: id }).where('org', '=', org).where(codeColumn, '=', code).where(idColumn, 'is', null).execute();
}
