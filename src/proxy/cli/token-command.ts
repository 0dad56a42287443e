import type { TokenStore } from '../store/token-store';

export interface CommandIo {
  out: (line: string) => void;
  err: (line: string) => void;
  now: () => Date;
}

const USAGE = [
  'usage: npm run token -- create ORG "NAME"   make a token for ORG; it is printed once, never stored',
  '       npm run token -- list [ORG]          list tokens (id, org, name, created, revoked), never the tokens',
  '       npm run token -- revoke ID           revoke a token by its id',
].join('\n');

/**
 * The `npm run token` command over a token store, I/O injected so tests run
 * it on plain data. Returns the process exit code.
 *
 * @example
 * await runTokenCommand(['create', 'acme', 'CRM sync'], store.tokens, io) // prints the token once
 */
export async function runTokenCommand(args: readonly string[], tokens: TokenStore, io: CommandIo): Promise<number> {
  const [verb, ...rest] = args;
  if (verb === 'create' && rest.length === 2 && rest[0] && rest[1]?.trim()) {
    const [org, name] = rest as [string, string];
    if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(org)) {
      io.err(`error: "${org}" is not an org code (letters, digits, - and _; the folder name under SURVEYS_DIR)`);
      return 2;
    }
    const created = await tokens.create(org, name.trim(), io.now());
    io.out(`Created token ${created.id} for ${org} ("${created.name}"). Copy it now: it is not shown again.`);
    io.out('');
    io.out(`  ${created.token}`);
    io.out('');
    io.out(`Use it as: Authorization: Token token="${created.token}"`);
    return 0;
  }
  if (verb === 'list' && rest.length <= 1) {
    const list = await tokens.list(rest[0]);
    if (list.length === 0) {
      io.out(rest[0] ? `No tokens for ${rest[0]}.` : 'No tokens.');
      return 0;
    }
    for (const t of list) {
      io.out(`${t.id}\t${t.org}\t${t.name}\tcreated ${t.created_at}${t.revoked_at ? `\trevoked ${t.revoked_at}` : ''}`);
    }
    return 0;
  }
  if (verb === 'revoke' && rest.length === 1 && /^[1-9]\d*$/.test(rest[0] ?? '')) {
    if (await tokens.revoke(Number(rest[0]), io.now())) {
      io.out(`Revoked token ${rest[0]}: requests using it now get 401.`);
      return 0;
    }
    io.err(`error: no active token with id ${rest[0]}`);
    return 1;
  }
  io.err(USAGE);
  return 2;
}
