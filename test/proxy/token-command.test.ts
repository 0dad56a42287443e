import { describe, expect, it } from 'vitest';
import { runTokenCommand } from '../../src/proxy/cli/token-command';
import { openTestStore } from './test-store';

async function run(args: string[]) {
  const store = await openTestStore();
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l), now: () => new Date('2026-11-23T10:00:00Z') };
  const code = await runTokenCommand(args, store.tokens, io);
  return { store, out, err, code, again: (next: string[]) => runTokenCommand(next, store.tokens, io) };
}

describe('npm run token', () => {
  it('create prints a new token once, and the database keeps only its hash', async () => {
    const { store, out, code } = await run(['create', 'acme', 'CRM sync']);
    expect(code).toBe(0);
    const token = out.find((l) => /^ {2}[0-9a-f]{64}$/.test(l))?.trim();
    expect(token).toBeDefined();
    expect(await store.tokens.orgOf(token!)).toBe('acme');
    expect(JSON.stringify(await store.tokens.list())).not.toContain(token);
  });

  it('list shows ids, orgs and names, never a token; revoke ends one', async () => {
    const { store, out, again } = await run(['create', 'acme', 'CRM sync']);
    const token = out.find((l) => /^ {2}[0-9a-f]{64}$/.test(l))!.trim();
    out.length = 0;
    expect(await again(['list'])).toBe(0);
    expect(out).toEqual(['1\tacme\tCRM sync\tcreated 2026-11-23T10:00:00.000Z']);
    expect(await again(['revoke', '1'])).toBe(0);
    expect(await store.tokens.orgOf(token)).toBeUndefined();
    expect(await again(['revoke', '1'])).toBe(1);
  });

  it.each([[[]], [['create', 'acme']], [['create', 'bad org', 'x']], [['revoke', 'one']], [['drop']]])('refuses %j with usage and exit code 2', async (args) => {
    const { code, err } = await run(args);
    expect(code).toBe(2);
    expect(err.join('\n')).toMatch(/usage|not an org code/);
  });
});
