import { defineConfig, type Plugin } from 'vite';

/**
 * Preact keeps an innerHTML path for `dangerouslySetInnerHTML`, which the
 * widget never uses. Rewritten to textContent, the built script holds no HTML
 * sink at all, so pages enforcing Trusted Types (`require-trusted-types-for
 * 'script'`) can never see the widget write markup.
 */
const noHtmlSinks: Plugin = {
  name: 'no-html-sinks',
  transform(code, id) {
    return /[\\/]preact[\\/]dist[\\/]/.test(id) ? code.replaceAll('.innerHTML', '.textContent') : undefined;
  },
};

/**
 * Two library builds from one config:
 * - default: `dist/survey_widget.js`, one minified IIFE for the script tag (entry: browser.ts);
 * - `--mode esm`: `dist/esm/index.js` for bundler users (entry: index.ts), types from tsc.
 * `npm run dev` serves index.html with /v1 proxied to a running `npm start`.
 */
export default defineConfig(({ mode }) => {
  const esm = mode === 'esm';
  return {
    // Classic JSX (`h` imported in each view) spares the 170-byte gzip jsx-runtime wrapper.
    oxc: { jsx: { runtime: 'classic', pragma: 'h', pragmaFrag: 'Fragment' } },
    plugins: [noHtmlSinks],
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    server: { proxy: { '/v1': 'http://127.0.0.1:8787', '/survey_widget.css': 'http://127.0.0.1:8787' } },
    build: {
      target: 'es2022',
      outDir: esm ? 'dist/esm' : 'dist',
      emptyOutDir: esm,
      // terser's extra passes save about 150 bytes gzip over the default minifier: 1.5% of the budget.
      minify: process.env.NOMINIFY ? false : 'terser',
      terserOptions: { ecma: 2020, module: false, compress: { passes: 3, pure_getters: true, unsafe_arrows: true, unsafe_methods: true }, format: { comments: false } },
      reportCompressedSize: false,
      lib: esm
        ? { entry: 'src/widget/index.ts', formats: ['es'], fileName: () => 'index.js' }
        : { entry: 'src/widget/browser.ts', formats: ['iife'], name: 'CustomerSureSurveyWidgetBundle', fileName: () => 'survey_widget.js' },
      rolldownOptions: {
        external: esm ? ['preact'] : [],
      },
    },
  };
});
