import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The results dashboard (issue 11): a single-page app under /dashboard/,
 * built to dist/dashboard/ for the proxy to serve. Its own config because it
 * is an app (index.html, hashed chunks, lazy locales), not the widget's library
 * build. `npm run dev:dashboard` serves it with /dashboard/api proxied to a
 * running proxy (PORT, 8787 by default).
 */
export default defineConfig({
  root: fileURLToPath(new URL('./src/dashboard', import.meta.url)),
  base: '/dashboard/',
  // Classic JSX, as in vite.config.ts: every view imports `h` from preact.
  oxc: { jsx: { runtime: 'classic', pragma: 'h', pragmaFrag: 'Fragment' } },
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  server: { proxy: { '/dashboard/api': `http://127.0.0.1:${process.env.PORT ?? 8787}` } },
  build: {
    target: 'es2022',
    outDir: fileURLToPath(new URL('./dist/dashboard', import.meta.url)),
    emptyOutDir: true,
    // Every browser the dashboard supports has modulepreload; the polyfill would only add bytes.
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
  },
});
