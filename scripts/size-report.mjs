// Prints the size of the built widget (raw, gzip -9, brotli) and fails when
// the script's gzip size passes the budget. Runs after every build, so also
// in `npm test`. The stylesheet is fetched separately and reported beside it.
import { readFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

// Issue 2 set 10 KB. Each raise since is tied to a measured feature (README, Size):
// +1.0 KB for the durable outbox (issue 3), +0.8 KB for open/close/on/destroy, events and
// data-survey-toggle openers, +1.1 KB for automatic triggers and display rules (issue 4),
// then +0.3 KB for themes, the nonce option and the phone sheet (issue 5). Read that section
// before raising it again.
const BUDGET = 13.5 * 1024;
const kb = (n) => `${(n / 1024).toFixed(2)} KB`;

function report(name) {
  const bytes = readFileSync(new URL(`../dist/${name}`, import.meta.url));
  const gzip = gzipSync(bytes, { level: 9 }).length;
  const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  console.log(`dist/${name}: ${kb(bytes.length)} raw, ${kb(gzip)} gzip (${gzip} bytes), ${kb(brotli)} brotli`);
  return gzip;
}

const script = report('survey_widget.js');
const styles = report('survey_widget.css');
console.log(`script budget ${kb(BUDGET)} gzip: ${script <= BUDGET ? `${BUDGET - script} bytes to spare` : 'EXCEEDED'}; script + stylesheet ${kb(script + styles)} gzip`);
if (script > BUDGET) {
  console.error(`size budget exceeded by ${script - BUDGET} bytes gzip`);
  process.exit(1);
}
// The results dashboard (issue 11): its entry script, the one every visit loads, has a budget of its
// own. Each locale is a separate chunk fetched only when chosen, so they are reported, not budgeted.
const DASHBOARD_BUDGET = 60 * 1024;
const dashboardHtml = readFileSync(new URL('../dist/dashboard/index.html', import.meta.url), 'utf8');
const dashboardEntry = /src="\/dashboard\/(assets\/[^"]+\.js)"/.exec(dashboardHtml)?.[1];
const dashboard = report(`dashboard/${dashboardEntry}`);
console.log(`dashboard budget ${kb(DASHBOARD_BUDGET)} gzip: ${dashboard <= DASHBOARD_BUDGET ? `${DASHBOARD_BUDGET - dashboard} bytes to spare` : 'EXCEEDED'}`);
if (dashboard > DASHBOARD_BUDGET) {
  console.error(`dashboard size budget exceeded by ${dashboard - DASHBOARD_BUDGET} bytes gzip`);
  process.exit(1);
}
