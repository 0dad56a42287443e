import { parseJson } from './delivery/safe-storage';
import type { SafeStorage } from './delivery/safe-storage';
import type { FormState } from './form-state';

/** How long unsent answers wait for the visitor to come back; shorter keeps shared computers tidy. */
export const DRAFT_TTL_MS = 24 * 60 * 60 * 1000;

/** The answers of one survey in progress, kept across reloads until sent. */
export interface DraftStore {
  load(): FormState | undefined;
  save(form: FormState): void;
  clear(): void;
}

interface Draft {
  /** When it was saved (ms). */
  at: number;
  /** The survey params it was answered under: another customer's draft is never shown. */
  params: string;
  form: FormState;
}

/**
 * Keeps the visitor's unsent answers in storage, per org and survey, so a
 * reload mid-survey loses nothing. A draft older than DRAFT_TTL_MS, or
 * saved under other survey params, is ignored.
 */
export function createDraftStore(storage: SafeStorage, key: string, params: string, now: () => number): DraftStore {
  const name = `draft:${key}`;
  return {
    load() {
      // Unreadable, another customer's or stale: start afresh.
      const draft = parseJson<Draft>(storage.get(name));
      return draft?.params === params && now() - draft.at < DRAFT_TTL_MS && draft.form?.answers && draft.form.customer ? draft.form : undefined;
    },
    save: (form) => void storage.set(name, JSON.stringify({ at: now(), params, form } satisfies Draft)),
    clear: () => storage.remove(name),
  };
}
