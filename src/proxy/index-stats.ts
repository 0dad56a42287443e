import type { OrgSettings } from './org-settings/org-settings';
import type { Store } from './store/open-store';
import { responseFacts } from './store/response-facts';
import type { SurveyCatalog } from './survey-catalog';

/**
 * Makes each org's dashboard rollups match its time zone. They count responses
 * per local day, so they are built once from the stored responses: on the first
 * start after an upgrade, and again whenever `_org.json` names another zone.
 * Every other start finds them current and costs one query per org.
 */
export async function indexStats(store: Store, catalog: SurveyCatalog, orgSettings: OrgSettings, log: (message: string) => void): Promise<void> {
  // Instances starting together on one PostgreSQL database take turns: the first rebuilds, the
  // others then find the zone current. Two rebuilds at once would each clear what the other counted.
  await store.exclusively('index-stats', () => indexEachOrg(store, catalog, orgSettings, log));
}

async function indexEachOrg(store: Store, catalog: SurveyCatalog, orgSettings: OrgSettings, log: (message: string) => void): Promise<void> {
  for (const org of catalog.orgs()) {
    const zone = orgSettings.timeZone(org);
    if ((await store.stats.zoneOf(org)) === zone) continue;
    const started = performance.now();
    const report = (done: number) => log(`[survey-proxy] building ${org}'s dashboard figures in ${zone}: ${done.toLocaleString('en')} responses so far`);
    const read = await store.stats.rebuild(org, zone, (response) => responseFacts(response, catalog.byId(org, response.survey_id), zone), (done) => done % 100_000 === 0 && report(done));
    if (read > 0) log(`[survey-proxy] built ${org}'s dashboard figures from ${read.toLocaleString('en')} responses, days in ${zone}, in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
}
