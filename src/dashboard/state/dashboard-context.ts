import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { MeJson, ResponseSummaryJson } from '../../shared/dashboard/dashboard-replies';
import type { Locale } from '../../shared/param-keys';
import type { DashboardClient } from '../api/dashboard-client';
import type { Format } from '../format/create-format';
import type { Translator } from '../i18n/translate';
import type { Route } from '../routing/route';
import type { Timers } from './debounce';
import type { EventHub } from './event-hub';

/** What every view of a signed-in session reads: words, formats, the org, the API and navigation. */
export interface DashboardContextValue extends Translator {
  locale: Locale;
  fmt: Format;
  me: MeJson;
  client: DashboardClient;
  /** Changes the hash; the route follows from the hashchange. */
  navigate(route: Route): void;
  /** A 401 from any call: the session is over, show the sign-in form. */
  onUnauthorized(): void;
  /** New responses, as the server pushes them. */
  events: EventHub<ResponseSummaryJson>;
  timers: Timers;
  /**
   * The Responses list's way back: each older page's cursor mapped to the
   * cursor of the page before it ('' for the first). A map rather than a
   * stack, so it stays right when Back and Forward move through pages too.
   */
  cursors: Map<string, string>;
}

export const DashboardContext = createContext<DashboardContextValue | null>(null);

/** The signed-in session's context; only views under DashboardShell call this. */
export function useDashboard(): DashboardContextValue {
  const value = useContext(DashboardContext);
  if (!value) throw new Error('[dashboard] useDashboard outside a signed-in session');
  return value;
}
