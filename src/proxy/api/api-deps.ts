import type { OrgSettings } from '../org-settings/org-settings';
import type { Store } from '../store/open-store';
import type { SurveyCatalog } from '../survey-catalog';

/** What the v1 API's routes read: the store, the survey files, the org settings and a clock. */
export interface ApiDeps {
  store: Store;
  catalog: SurveyCatalog;
  orgSettings: OrgSettings;
  now: () => Date;
}
