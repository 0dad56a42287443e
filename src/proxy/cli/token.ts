import { readConfig } from '../config';
import { openStore } from '../store/open-store';
import { runTokenCommand } from './token-command';

/** `npm run token -- …`: manages API tokens in the database DATABASE_PATH names. */
async function main(): Promise<void> {
  const config = readConfig(process.env);
  const store = await openStore(config.databaseUrl ?? config.databasePath);
  try {
    process.exitCode = await runTokenCommand(process.argv.slice(2), store.tokens, {
      out: (line) => console.log(line),
      err: (line) => console.error(line),
      now: () => new Date(),
    });
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
