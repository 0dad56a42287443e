import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CUSTOMER_RADAR_EXAMPLE_DIRECTORY } from '../../fakes/customer-radar/customer-radar-fake';
import { FAULT_SURVEYS, faultPage } from '../fault-kit';
import { REPO } from '../harness';

/** The environment variables the relay file names for Customer Radar's login. */
export const RADAR_SECRETS = { username: 'ACME_CR_USERNAME', password: 'ACME_CR_PASSWORD' } as const;

/** The site code every feedback request names, mapped to a Customer Radar location by the relay file. */
export const RELAY_SITE = 'newcastle';

export interface SharedDir {
  surveysDir: string;
  demoDir: string;
  /** The host page of tab `t` (0-based), as served from `demoDir`: one fault survey per tab. */
  pagePath(t: number): string;
}

/**
 * The files every instance reads, in `dir`: the demo surveys plus the fault
 * surveys for org acme, acme's relay file pointing at the Customer Radar fake
 * at `radarUrl`, and one host page per tab. Instances share them as a
 * deployment shares one release.
 */
export function writeSharedDir(dir: string, radarUrl: string, tabs: number): SharedDir {
  const surveysDir = join(dir, 'surveys');
  const demoDir = join(dir, 'demo');
  cpSync(join(REPO, 'demo/surveys'), surveysDir, { recursive: true });
  for (const [code, survey] of Object.entries(FAULT_SURVEYS)) writeFileSync(join(surveysDir, 'acme', `${code}.json`), JSON.stringify(survey));

  // As relay-crash.test.ts points acme at the fake; post-purchase (1484) is the survey requests name.
  const [client] = CUSTOMER_RADAR_EXAMPLE_DIRECTORY;
  const location = client!.locations[0]!;
  const relay = {
    provider: 'customer-radar',
    base_url: radarUrl,
    client_display_id: client!.displayId,
    programmes: { '1484': client!.programmes[0]!.displayId },
    sites: { [RELAY_SITE]: { location_display_id: location.displayId, pom_display_id: location.pomDisplayIds[0] } },
    username_env: RADAR_SECRETS.username,
    password_env: RADAR_SECRETS.password,
  };
  writeFileSync(join(surveysDir, 'acme/_relay.json'), JSON.stringify(relay));

  mkdirSync(demoDir);
  const codes = Object.keys(FAULT_SURVEYS);
  for (let t = 0; t < tabs; t++) writeFileSync(join(demoDir, `tab-${t}.html`), faultPage(codes[t % codes.length]!));
  return { surveysDir, demoDir, pagePath: (t) => `/tab-${t}.html` };
}
