import type { OrgSettings } from '../org-settings/org-settings';
import type { RelayRoutes } from '../relay/relay-routes';
import type { Store } from '../store/open-store';
import type { SurveyCatalog } from '../survey-catalog';

/** What the v1 API's routes read: the store, the survey files, the org settings and a clock. */
export interface ApiDeps {
  store: Store;
  catalog: SurveyCatalog;
  orgSettings: OrgSettings;
  now: () => Date;
  /** Where each org's feedback requests are relayed; without it, every org uses the proxy's own channel. */
  relayRoutes?: RelayRoutes;
  /** The proxy's public address, for hosted links; without it, the address the request came to. */
  publicUrl?: string;
  /** A feedback request was queued: the relay worker looks at the queue now rather than at its next poll. */
  onRequestQueued?: () => void;
}
