import { Hono, type Context } from 'hono';
import { errorResponse, jsonResponse } from '../json-response';
import { widgetFile, type WidgetFile } from './widget-file';
import { STABLE_CACHE, widgetFileResponse } from './widget-file-response';
import { widgetManifest } from './widget-manifest';

/** Where the manifest of the current build is served. */
export const WIDGET_MANIFEST_PATH = '/survey_widget.json';
/**
 * Hono's pattern for a content-addressed file. Any length of hex, so an older
 * or newer build's name still reaches the clear 404 below, not the demo pages.
 */
export const HASHED_WIDGET_FILE_PATH = '/:file{survey_widget\\.[0-9a-f]{8,64}\\.(?:js|css)}';

/** A built file, or its text (tests, benches), or undefined while it is not built. */
export type WidgetFileSource = () => string | WidgetFile | undefined;

export interface WidgetFileRoutesDeps {
  script: WidgetFileSource;
  styles?: WidgetFileSource;
}

const NOT_BUILT = 'The widget is not built yet: run `npm run build`';

/**
 * The widget's own files: `/survey_widget.js` and `.css` under their stable
 * names (5 minutes, then an ETag check), the same bytes under
 * content-addressed names (a year, immutable), and the manifest that names
 * them with their SRI hashes at `/survey_widget.json`. Every answer is
 * precompressed br or gzip by the client's `Accept-Encoding`.
 *
 * @example
 * app.route('/', widgetFileRoutes({ script: createWidgetFileReader('dist/survey_widget.js') }));
 */
export function widgetFileRoutes(deps: WidgetFileRoutesDeps): Hono {
  const script = asFileReader(deps.script, 'survey_widget.js');
  const styles = asFileReader(deps.styles ?? (() => undefined), 'survey_widget.css');
  const request = (c: Context) => ({ acceptEncoding: c.req.header('Accept-Encoding'), ifNoneMatch: c.req.header('If-None-Match') });
  const stable = (read: () => WidgetFile | undefined) => (c: Context) => {
    const file = read();
    return file ? widgetFileResponse(file, request(c), 'stable') : errorResponse(404, NOT_BUILT);
  };

  const app = new Hono();
  app.get('/survey_widget.js', stable(script));
  app.get('/survey_widget.css', stable(styles));
  app.get(HASHED_WIDGET_FILE_PATH, (c) => {
    const name = c.req.param('file');
    const file = name.endsWith('.js') ? script() : styles();
    if (!file) return errorResponse(404, NOT_BUILT);
    if (file.hashedName === name) return widgetFileResponse(file, request(c), 'hashed');
    // The proxy holds one build, so an older name cannot be served. A 302 to the stable name was the
    // other choice, and it is worse either way: with the `integrity` attribute these URLs are meant
    // for, the browser refuses the new bytes anyway, behind a misleading integrity error and a
    // round trip; without it, the page silently runs a build it never named. So: an honest 404 that
    // names the current build, never stored (a rolled-back deploy, or an instance not yet updated
    // behind a load balancer, brings the name back). Pages that cannot follow each deploy should
    // load the stable /survey_widget.js.
    return errorResponse(
      404,
      `${name} is not the widget this proxy serves now: the current build is /${file.hashedName} (see ${WIDGET_MANIFEST_PATH}), and /${file.name} always serves the latest`,
      { 'Cache-Control': 'no-store', 'Access-Control-Allow-Origin': '*' },
    );
  });
  app.get(WIDGET_MANIFEST_PATH, () => {
    const [js, css] = [script(), styles()];
    if (!js || !css) return errorResponse(404, NOT_BUILT);
    return jsonResponse(widgetManifest([js, css]), 200, { 'Cache-Control': STABLE_CACHE, 'Access-Control-Allow-Origin': '*' });
  });
  return app;
}

/** Text is described once per distinct value, so a test's or bench's string costs one compression. */
function asFileReader(read: WidgetFileSource, name: string): () => WidgetFile | undefined {
  let last: { text: string; file: WidgetFile } | undefined;
  return () => {
    const value = read();
    if (typeof value !== 'string') return value;
    if (last?.text !== value) last = { text: value, file: widgetFile(name, Buffer.from(value)) };
    return last.file;
  };
}
