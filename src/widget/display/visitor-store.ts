import { parseJson } from '../delivery/safe-storage';
import type { SafeStorage } from '../delivery/safe-storage';
import type { VisitorRecord } from './display-rules';

/** What the display rules remember of a visitor, per survey, in namespaced storage. */
export interface VisitorStore {
  /** A random number in [0, 1) fixed for this visitor: the base of stable sampling. */
  seed(): number;
  get(survey: string): VisitorRecord;
  update(survey: string, change: VisitorRecord): void;
}

/**
 * Keeps visitor state in storage (`visitor:seed`, `visitor:{org}/{survey}`).
 * Without storage it lives in memory: rules then hold for the page, not
 * across visits, and nothing throws.
 */
export function createVisitorStore(storage: SafeStorage, random: () => number): VisitorStore {
  const memory = new Map<string, string>();
  const read = (key: string) => storage.get(key) ?? memory.get(key) ?? null;
  const write = (key: string, value: string) => void (storage.set(key, value) || memory.set(key, value));
  const get = (survey: string): VisitorRecord => parseJson<VisitorRecord>(read(`visitor:${survey}`)) ?? {};
  return {
    get,
    seed() {
      const stored = Number(read('visitor:seed') ?? NaN);
      if (stored >= 0 && stored < 1) return stored;
      const seed = random();
      write('visitor:seed', String(seed));
      return seed;
    },
    update: (survey, change) => write(`visitor:${survey}`, JSON.stringify({ ...get(survey), ...change })),
  };
}
