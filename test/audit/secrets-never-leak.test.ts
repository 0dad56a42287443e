import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACME_TOKEN, BETA_TOKEN } from '../proxy/api/api-fixtures';
import { DEMO_TOKEN } from '../proxy/demo/demo-app';
import { CRITIZR_FAKE_TOKEN } from '../fakes/critizr/critizr-fake';
import { CUSTOMER_RADAR_PASSWORD } from '../fakes/customer-radar/customer-radar-fake';
import { CUSTOMERSURE_FAKE_TOKEN } from '../fakes/customersure/customersure-fake';
import { ETRUSTED_CLIENT_SECRET } from '../fakes/etrusted/etrusted-fake';
import { SECURATING_KEYWEBSITE } from '../fakes/securating/securating-fake';
import { SESSION_TOKEN } from '../proxy/secrets-tour/tour-providers';
import { CANARY_SECRETS } from '../support/canary-secrets';
import { findLeaks } from '../support/secret-audit/find-leaks';

// Runs after every other project (groupOrder 2): by then each worker of the suite has recorded the
// replies its tests read, its log lines and what its child proxies printed (record-secrets.ts).
const dir = process.env.SECRET_AUDIT_DIR;

const KNOWN: Record<string, string> = {
  ...Object.fromEntries(Object.entries(CANARY_SECRETS).map(([label, value]) => [`canary ${label}`, value])),
  'the API fixtures\u2019 acme token': ACME_TOKEN,
  'the API fixtures\u2019 beta token': BETA_TOKEN,
  'the demo tests\u2019 token': DEMO_TOKEN,
  'Critizr\u2019s API token': CRITIZR_FAKE_TOKEN,
  'Customer Radar\u2019s password': CUSTOMER_RADAR_PASSWORD,
  'CustomerSure\u2019s API token': CUSTOMERSURE_FAKE_TOKEN,
  'eTrusted\u2019s client secret': ETRUSTED_CLIENT_SECRET,
  'Securating\u2019s keywebsite': SECURATING_KEYWEBSITE,
  'the session token the secrets tour\u2019s hostile provider issues': SESSION_TOKEN,
};

describe('the whole suite', () => {
  const files = dir && existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.log')) : [];

  it.skipIf(files.length === 0)('never shows an API token, webhook secret, provider credential or signing key in a reply or a log line', () => {
    const contents = Object.fromEntries(files.map((f) => [f, readFileSync(join(dir!, f), 'utf8')]));
    const summary = findLeaks(contents, KNOWN);
    console.log(
      `[secret audit] ${summary.replies.toLocaleString('en')} replies and ${summary.logLines.toLocaleString('en')} log lines from ${files.length} workers and their child processes, grepped for ${summary.secrets} secrets: ${summary.leaks.length} found`,
    );
    expect(summary.replies).toBeGreaterThan(1000);
    expect(summary.leaks.map(({ label, kind, file, context }) => `${label} in a ${kind} (${file}): …${context}…`)).toEqual([]);
  });
});
