import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What the side file beside a cached database records. */
export interface DatasetStamp {
  version: string;
  /** The instant the data runs up to; the bench pins the app's clock here. */
  until: string;
  seedSeconds: number;
}

export interface CachedDataset {
  path: string;
  stamp: DatasetStamp;
  /** False when this run seeded the file. */
  reused: boolean;
}

/**
 * The SQLite file `{dir}/{name}.sqlite`, seeded once and kept while its side
 * file `{name}.json` names the same `version`. The side file is written only
 * after seeding finishes, so an interrupted seed is never mistaken for a good
 * one: the next run starts again from an empty file.
 */
export async function cachedDataset(
  dir: string,
  name: string,
  version: string,
  seed: (path: string, until: Date) => Promise<void>,
  { reseed = false }: { reseed?: boolean } = {},
): Promise<CachedDataset> {
  const path = join(dir, `${name}.sqlite`);
  const stampPath = join(dir, `${name}.json`);
  const stamp = readStamp(stampPath);
  if (!reseed && stamp?.version === version && existsSync(path)) return { path, stamp, reused: true };

  mkdirSync(dir, { recursive: true });
  for (const file of [stampPath, path, `${path}-wal`, `${path}-shm`, `${path}-journal`]) rmSync(file, { force: true });
  // Whole minutes: the data ends just before a round instant, which reads better in the summary.
  const until = new Date(Math.floor(Date.now() / 60_000) * 60_000);
  const started = performance.now();
  await seed(path, until);
  const fresh: DatasetStamp = { version, until: until.toISOString(), seedSeconds: (performance.now() - started) / 1000 };
  writeFileSync(stampPath, `${JSON.stringify(fresh, null, 2)}\n`);
  return { path, stamp: fresh, reused: false };
}

function readStamp(path: string): DatasetStamp | undefined {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<DatasetStamp>;
    if (typeof parsed.version !== 'string' || typeof parsed.until !== 'string' || typeof parsed.seedSeconds !== 'number') return undefined;
    return { version: parsed.version, until: parsed.until, seedSeconds: parsed.seedSeconds };
  } catch {
    return undefined; // missing or unreadable: seed again
  }
}
