import type { DashboardClient } from './api/dashboard-client';
import type { Timers } from './state/debounce';

/** The part of EventSource the dashboard uses, so tests can hand in a fake. */
export interface EventSourceLike {
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  close(): void;
}

/** The window's hash, read, set and watched. */
export interface HashLocation {
  read(): string;
  go(hash: string): void;
  /** Calls back on every hash change (a link, Back, `go`); returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

/** Only the theme is ever stored (`sw-dashboard-theme`). */
export type ThemeStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** Everything the dashboard takes from the browser, built once in main.tsx. */
export interface DashboardDeps {
  client: DashboardClient;
  openEvents(url: string): EventSourceLike;
  /** Null where storage is blocked; the theme then lasts for the visit. */
  storage: ThemeStorage | null;
  location: HashLocation;
  /** `<html>`, for `lang`, `dir` and the document title. */
  html: HTMLElement;
  timers: Timers;
  /** The browser's preferred languages, most wanted first. */
  languages: readonly string[];
}
