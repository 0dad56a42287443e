/** Every key the widget writes starts with this, so it never collides with the host page's own. */
export const STORAGE_PREFIX = 'customersure-survey-widget:';

/** Browser storage that never throws: each call that fails acts as if the key were absent. */
export interface SafeStorage {
  get(key: string): string | null;
  /** False when the value could not be kept (no storage, quota, private mode). */
  set(key: string, value: string): boolean;
  remove(key: string): void;
  /** The widget's keys that start with `prefix`, without the widget's own prefix. */
  keys(prefix: string): string[];
}

/** A stored JSON value, or undefined when absent or unreadable (another version wrote it, a user edited it). */
export function parseJson<T>(text: string | null | undefined): T | undefined {
  try {
    return (JSON.parse(text ?? 'null') as T | null) ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * Wraps `localStorage` behind a getter, because merely reading
 * `window.localStorage` throws when the visitor blocks cookies, and quotas
 * and private modes make writes throw. Nothing here ever reaches the page.
 *
 * @example
 * const storage = createSafeStorage(() => window.localStorage);
 * storage.set('draft:acme/nps', '{}'); // true, or false without storage
 */
export function createSafeStorage(getStorage: () => Storage | null | undefined): SafeStorage {
  const use = <T>(fallback: T, action: (storage: Storage) => T): T => {
    try {
      const storage = getStorage();
      return storage ? action(storage) : fallback;
    } catch {
      return fallback;
    }
  };
  return {
    get: (key) => use(null, (s) => s.getItem(STORAGE_PREFIX + key)),
    set: (key, value) => use(false, (s) => (s.setItem(STORAGE_PREFIX + key, value), true)),
    remove: (key) => use(undefined, (s) => s.removeItem(STORAGE_PREFIX + key)),
    keys: (prefix) =>
      use([], (s) => {
        const found: string[] = [];
        const start = STORAGE_PREFIX + prefix;
        for (let i = 0; i < s.length; i++) {
          const key = s.key(i);
          if (key?.startsWith(start)) found.push(key.slice(STORAGE_PREFIX.length));
        }
        return found;
      }),
  };
}
