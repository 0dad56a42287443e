import { sql, type Kysely } from 'kysely';
import type { Tables } from '../../../src/proxy/store/tables';
import { unsafeCharacter, unsafeCharacterMessage } from '../../../src/shared/clean-text';

/**
 * Every stored string, in every column of every table of a SQLite store, that
 * holds a character no stored text may hold, as `table.column: message`.
 * JSON columns are read back as the app reads them: their escapes (`\u0000`,
 * a lone `\ud800`) would otherwise hide exactly what is looked for.
 */
export async function uncleanStoredText(db: Kysely<Tables>): Promise<string[]> {
  const problems: string[] = [];
  const tables = await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table'`.execute(db);
  for (const { name } of tables.rows) {
    const rows = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(name)}`.execute(db);
    for (const row of rows.rows) {
      for (const [column, value] of Object.entries(row)) {
        if (typeof value !== 'string') continue;
        for (const text of textsIn(value)) {
          const found = unsafeCharacter(text);
          if (found) problems.push(`${name}.${column}: ${unsafeCharacterMessage(found)} in ${JSON.stringify(text.slice(0, 60))}`);
        }
      }
    }
  }
  return problems;
}

/** Every stored page URL that is not http(s). */
export async function nonHttpPageUrls(db: Kysely<Tables>): Promise<string[]> {
  const rows = await db.selectFrom('responses').select('page_url').where('page_url', 'is not', null).execute();
  return rows.map((r) => r.page_url as string).filter((url) => !/^https?:\/\//i.test(url));
}

function textsIn(value: string): string[] {
  const texts = [value];
  if (!/^[[{"]/.test(value)) return texts;
  try {
    collect(JSON.parse(value), texts);
  } catch {
    // Not JSON after all: the raw text was checked.
  }
  return texts;
}

function collect(value: unknown, into: string[]): void {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const item of value) collect(item, into);
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      into.push(key);
      collect(item, into);
    }
  }
}
