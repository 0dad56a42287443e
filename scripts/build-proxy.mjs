// Compiles the proxy for `npm run serve` and `npm start`: plain JavaScript that node runs
// with no TypeScript loader (tsx is a devDependency). One ESM file per entry under
// dist/proxy/, beside dist/survey_widget.js. Packages stay external, so runtime
// dependencies (better-sqlite3's native addon, pg, hono) load from node_modules as usual.
//
// Paths: config.ts finds the repository root as `new URL('../../', import.meta.url)`, which
// is the repository root from dist/proxy/*.js exactly as from src/proxy/config.ts, so every
// default (demo/surveys, data/, dist/dashboard) resolves the same built or not. Nothing else
// reads a file relative to its module: the survey JSON Schema and the OpenAPI document are
// built from zod schemas in memory, and migrations are imported modules.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const outdir = 'dist/proxy';

rmSync(new URL(`../${outdir}`, import.meta.url), { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: {
    main: 'src/proxy/main.ts',
    'start-demo': 'scripts/demo/start-demo.ts',
    token: 'src/proxy/cli/token.ts',
    migrate: 'src/proxy/cli/migrate.ts',
  },
  outdir,
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  // Stack traces in logs point at src/, not at the bundle (node --enable-source-maps reads them).
  sourcesContent: false,
  // Server code: readable names in stack traces matter more than bytes.
  minify: false,
  logLevel: 'warning',
});
console.log(`proxy: ${outdir}/main.js, ${outdir}/start-demo.js, ${outdir}/token.js, ${outdir}/migrate.js`);
