import { defineConfig } from 'vitest/config';
import { secretAuditDir } from './test/support/secret-audit/secret-audit-dir';

// Every Node worker records the replies its tests read and its log lines here (record-secrets.ts);
// the audit project, last, greps them all for secrets. Workers inherit the variable.
process.env.SECRET_AUDIT_DIR ??= secretAuditDir();
const recordSecrets = ['test/support/secret-audit/record-secrets.ts'];

// Classic JSX, as in vite.config.ts: every view imports `h` from preact.
const jsx = { jsx: { runtime: 'classic' as const, pragma: 'h', pragmaFrag: 'Fragment' } };

// Three projects: fast unit tests in happy-dom, the proxy in Node (in process, no port),
// and end-to-end tests that drive Debian's Chromium against the real proxy on loopback (run last).
export default defineConfig({
  oxc: jsx,
  test: {
    projects: [
      {
        oxc: jsx,
        test: { name: 'unit', environment: 'happy-dom', include: ['test/shared/**/*.test.ts', 'test/widget/**/*.test.{ts,tsx}', 'test/dashboard/**/*.test.{ts,tsx}'] },
      },
      {
        // A few tests write thousands of fsync'd rows (the demo seed, a rollup rebuild): seconds on an idle
        // machine, several times that when the unit project shares its 2 cores. The default 5 s would flake.
        test: { name: 'proxy', environment: 'node', include: ['test/proxy/**/*.test.ts', 'test/fakes/**/*.test.ts'], setupFiles: recordSecrets, testTimeout: 30_000, hookTimeout: 30_000 },
      },
      {
        // The same store and API tests again, on a private PostgreSQL server the global setup starts
        // (initdb in a temp dir, a free loopback port) and stops: every query runs on both databases.
        test: {
          name: 'proxy-pg',
          environment: 'node',
          include: [
            'test/proxy/store/**/*.test.ts',
            'test/proxy/api/**/*.test.ts',
            'test/proxy/dashboard/**/*.test.ts',
            'test/proxy/demo/**/*.test.ts',
            'test/proxy/webhooks/webhook-{store,worker}.test.ts',
            'test/proxy/relay/relay-worker.test.ts',
            'test/proxy/{clean-data,clean-data-api,error-cap}.test.ts',
            'test/proxy/{post-response,create-app,health-routes,two-instances,openapi,token-command,nul-character,cors,signed-params}.test.ts',
            'test/proxy/rate-limit/{shared-counter,rate-limit-store}.test.ts',
          ],
          // SQLite files from before each migration: nothing of theirs exists on PostgreSQL.
          exclude: ['test/proxy/store/migration.test.ts', 'test/proxy/store/{local-day,response-facts}.test.ts'],
          env: { TEST_BACKEND: 'postgres' },
          globalSetup: ['test/proxy/postgres-global-setup.ts'],
          setupFiles: recordSecrets,
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          setupFiles: recordSecrets,
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          // After unit and proxy, not beside them: on 2 cores their CPU stretched the delivery fault
          // tests' retry timings past their waits. Costs a few seconds of wall time.
          sequence: { groupOrder: 1 },
        },
      },
      {
        // Last: greps what every other Node project recorded for API tokens, webhook secrets,
        // provider credentials and signing keys.
        test: { name: 'audit', environment: 'node', include: ['test/audit/**/*.test.ts'], sequence: { groupOrder: 2 } },
      },
    ],
  },
});
