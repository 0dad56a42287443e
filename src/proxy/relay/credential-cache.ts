import type { Credential } from './relay-adapter';

/** Credentials by key (org and provider), renewed a minute before they expire. */
export interface CredentialCache {
  /** A credential still good for `marginMs` past `now`. */
  fresh(key: string, now: number): Credential | undefined;
  put(key: string, credential: Credential): void;
  /** After a 401: the next send logs in again. */
  drop(key: string): void;
  /**
   * Runs `login` for `key` unless one is already running, whose result every
   * caller then shares: a worker's first 16 parallel sends log in once, not 16 times.
   */
  once<T>(key: string, login: () => Promise<T>): Promise<T>;
}

/**
 * An in-memory cache. `marginMs` renews a credential before its expiry, so
 * a call never leaves with a token that dies on the way (Customer Radar's 60
 * minutes, eTrusted's `expires_in`).
 */
export function createCredentialCache(marginMs = 60_000): CredentialCache {
  const entries = new Map<string, Credential>();
  const running = new Map<string, Promise<unknown>>();
  return {
    fresh: (key, now) => {
      const credential = entries.get(key);
      return credential && credential.expiresAt - marginMs > now ? credential : undefined;
    },
    put: (key, credential) => void entries.set(key, credential),
    drop: (key) => void entries.delete(key),
    once: <T>(key: string, login: () => Promise<T>) => {
      const already = running.get(key) as Promise<T> | undefined;
      if (already) return already;
      const started = login().finally(() => running.delete(key));
      running.set(key, started);
      return started;
    },
  };
}
