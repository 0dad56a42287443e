import type { OrgSettings } from '../org-settings/org-settings';
import type { Store } from '../store/open-store';
import type { SurveyCatalog } from '../survey-catalog';

/** What the dashboard's routes read; createApp passes its own. */
export interface DashboardDeps {
  store: Store;
  catalog: SurveyCatalog;
  orgSettings: OrgSettings;
  now: () => Date;
  /** The built dashboard (`dist/dashboard`); its absence is a clear page, not a 404. */
  dashboardDir?: string;
  publicUrl?: string;
  /** Which org a token hash belongs to now: a session ends when its token is revoked or removed. */
  tokenHashLookup: (tokenHash: string) => Promise<string | undefined>;
  /** How long a sign-in lasts. Default 12 hours: a working day, then the token again. */
  sessionTtlMs?: number;
  /** How often the live feed looks for new responses. Default 1 s. */
  eventsPollMs?: number;
  /** Aborted when the proxy shuts down: the live feed ends, and EventSource reconnects to an instance still up. */
  shutdown?: AbortSignal;
  log: (message: string) => void;
}

/** The signed-in org, set by requireSession for the routes after it. */
export interface SessionVariables {
  org: string;
  sessionExpiresAt: Date;
  /** So a long-lived stream can check the session is still alive. */
  sessionSecret: string;
}
