import { rmSync, utimesSync, writeFileSync } from 'node:fs';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createWidgetFileReader } from '../../../src/proxy/widget-files/widget-file-reader';
import { testApp } from '../fixtures';
import { builtWidget, SCRIPT, STYLES } from './built-widget';

const BROWSER = 'gzip, deflate, br, zstd';

/** The proxy over a temporary dist/ with the widget built as `npm run build` leaves it. */
async function proxyOverBuild(files: { script?: string; styles?: string } = {}) {
  const paths = builtWidget(files);
  const { app } = await testApp({ readWidgetScript: createWidgetFileReader(paths.script), readWidgetStyles: createWidgetFileReader(paths.styles) });
  const get = async (path: string, headers: Record<string, string> = {}, method = 'GET') => app.request(path, { method, headers });
  const manifest = async () => (await (await get('/survey_widget.json')).json()) as Record<string, { file: string; integrity: string; bytes: number; gzip: number; br: number }>;
  return { paths, get, manifest };
}
const bytesOf = async (res: Response) => Buffer.from(await res.arrayBuffer());

describe('GET /survey_widget.js', () => {
  it('sends brotli to a browser, which decodes to the exact built bytes', async () => {
    const res = await (await proxyOverBuild()).get('/survey_widget.js', { 'Accept-Encoding': BROWSER });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Encoding')).toBe('br');
    expect(res.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    const body = await bytesOf(res);
    expect(res.headers.get('Content-Length')).toBe(String(body.length));
    expect(body.length).toBeLessThan(Buffer.byteLength(SCRIPT) / 4);
    expect(brotliDecompressSync(body).toString()).toBe(SCRIPT);
  });

  it('sends gzip to a client without brotli, and plain bytes to one that names no coding', async () => {
    const { get } = await proxyOverBuild();
    const gzip = await get('/survey_widget.js', { 'Accept-Encoding': 'gzip' });
    expect(gzip.headers.get('Content-Encoding')).toBe('gzip');
    expect(gunzipSync(await bytesOf(gzip)).toString()).toBe(SCRIPT);
    const plain = await get('/survey_widget.js');
    expect(plain.headers.get('Content-Encoding')).toBeNull();
    expect(plain.headers.get('Content-Length')).toBe(String(Buffer.byteLength(SCRIPT)));
    expect(await plain.text()).toBe(SCRIPT);
  });

  it('is briefly cacheable, varies by Accept-Encoding, and any page may load it', async () => {
    const res = await (await proxyOverBuild()).get('/survey_widget.js', { 'Accept-Encoding': BROWSER });
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=300');
    expect(res.headers.get('Vary')).toBe('Accept-Encoding');
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(res.headers.get('Cross-Origin-Resource-Policy')).toBe('cross-origin');
  });

  it('points at its content-addressed copy in Content-Location', async () => {
    const { get, manifest } = await proxyOverBuild();
    const res = await get('/survey_widget.js');
    expect(res.headers.get('Content-Location')).toBe(`/${(await manifest())['survey_widget.js']!.file}`);
  });

  it('answers 304 with no body when If-None-Match names the coding it would send', async () => {
    const { get } = await proxyOverBuild();
    const first = await get('/survey_widget.js', { 'Accept-Encoding': BROWSER });
    const etag = first.headers.get('ETag')!;
    const again = await get('/survey_widget.js', { 'Accept-Encoding': BROWSER, 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('ETag')).toBe(etag);
    expect(again.headers.get('Cache-Control')).toBe('public, max-age=300');
    expect(again.headers.get('Vary')).toBe('Accept-Encoding');
    // A cache that weakened the tag still gets its 304.
    expect((await get('/survey_widget.js', { 'Accept-Encoding': BROWSER, 'If-None-Match': `W/${etag}` })).status).toBe(304);
  });

  it('answers 200 when the tag is another coding’s: the cached copy is not what this client takes', async () => {
    const { get } = await proxyOverBuild();
    const brotliTag = (await get('/survey_widget.js', { 'Accept-Encoding': BROWSER })).headers.get('ETag')!;
    const gzip = await get('/survey_widget.js', { 'Accept-Encoding': 'gzip', 'If-None-Match': brotliTag });
    expect(gzip.status).toBe(200);
    expect(gzip.headers.get('ETag')).not.toBe(brotliTag);
    expect(gunzipSync(await bytesOf(gzip)).toString()).toBe(SCRIPT);
  });

  it('answers 200 with the new build once the script was rebuilt, though the old tag is sent', async () => {
    const { get, paths } = await proxyOverBuild();
    const oldTag = (await get('/survey_widget.js', { 'Accept-Encoding': BROWSER })).headers.get('ETag')!;
    // A `vite build --watch` rebuild: the script changes, its .br and .gz are the old build's.
    writeFileSync(paths.script, 'window.rebuilt = true;');
    utimesSync(paths.script, new Date(), new Date(Date.now() + 5000));
    const res = await get('/survey_widget.js', { 'Accept-Encoding': BROWSER, 'If-None-Match': oldTag });
    expect(res.status).toBe(200);
    expect(brotliDecompressSync(await bytesOf(res)).toString()).toBe('window.rebuilt = true;');
  });

  it('answers HEAD with the headers of a GET and no body', async () => {
    const { get } = await proxyOverBuild();
    const full = await get('/survey_widget.js', { 'Accept-Encoding': BROWSER });
    const head = await get('/survey_widget.js', { 'Accept-Encoding': BROWSER }, 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    for (const name of ['Content-Length', 'Content-Encoding', 'ETag', 'Content-Type']) expect(head.headers.get(name)).toBe(full.headers.get(name));
  });

  it('answers 404 telling to run the build while the script is not built', async () => {
    const { get, paths } = await proxyOverBuild();
    rmSync(paths.script);
    const res = await get('/survey_widget.js', { 'Accept-Encoding': BROWSER });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ message: 'The widget is not built yet: run `npm run build`' });
  });
});

describe('GET /survey_widget.css', () => {
  it('sends the stylesheet compressed, with its own ETag and content-addressed copy', async () => {
    const { get, manifest } = await proxyOverBuild();
    const res = await get('/survey_widget.css', { 'Accept-Encoding': BROWSER });
    expect(res.headers.get('Content-Type')).toBe('text/css; charset=utf-8');
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(brotliDecompressSync(await bytesOf(res)).toString()).toBe(STYLES);
    expect(res.headers.get('Content-Location')).toBe(`/${(await manifest())['survey_widget.css']!.file}`);
  });
});

describe('GET /survey_widget.<hash>.js', () => {
  it('serves the same bytes, cacheable for a year and immutable', async () => {
    const { get, manifest } = await proxyOverBuild();
    const { file } = (await manifest())['survey_widget.js']!;
    const res = await get(`/${file}`, { 'Accept-Encoding': BROWSER });
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('Vary')).toBe('Accept-Encoding');
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(res.headers.get('Content-Location')).toBeNull();
    expect(brotliDecompressSync(await bytesOf(res)).toString()).toBe(SCRIPT);
    expect((await get(`/${file}`, { 'Accept-Encoding': BROWSER, 'If-None-Match': res.headers.get('ETag')! })).status).toBe(304);
  });

  it('serves the stylesheet under its own hashed name', async () => {
    const { get, manifest } = await proxyOverBuild();
    const res = await get(`/${(await manifest())['survey_widget.css']!.file}`);
    expect(res.headers.get('Content-Type')).toBe('text/css; charset=utf-8');
    expect(await res.text()).toBe(STYLES);
  });

  it('answers 404, never cached, naming the current build, to a name from another build', async () => {
    const { get, manifest } = await proxyOverBuild();
    const { file } = (await manifest())['survey_widget.js']!;
    const res = await get('/survey_widget.0123456789ab.js');
    expect(res.status).toBe(404);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    expect(((await res.json()) as { message: string }).message).toBe(
      `survey_widget.0123456789ab.js is not the widget this proxy serves now: the current build is /${file} (see /survey_widget.json), and /survey_widget.js always serves the latest`,
    );
  });

  it('stops answering to the old name once the script is rebuilt', async () => {
    const { get, manifest, paths } = await proxyOverBuild();
    const { file } = (await manifest())['survey_widget.js']!;
    writeFileSync(paths.script, 'window.rebuilt = true;');
    utimesSync(paths.script, new Date(), new Date(Date.now() + 5000));
    expect((await get(`/${file}`)).status).toBe(404);
    expect(await (await get(`/${(await manifest())['survey_widget.js']!.file}`)).text()).toBe('window.rebuilt = true;');
  });

  it('answers 404 telling to run the build while the script is not built', async () => {
    const { get, paths } = await proxyOverBuild();
    rmSync(paths.script);
    expect(await (await get('/survey_widget.0123456789ab.js')).json()).toEqual({ message: 'The widget is not built yet: run `npm run build`' });
  });

  it('answers 405 to a POST', async () => {
    const res = await (await proxyOverBuild()).get('/survey_widget.0123456789ab.js', {}, 'POST');
    expect(res.status).toBe(405);
    expect(res.headers.get('Allow')).toBe('GET, HEAD');
  });
});

describe('GET /survey_widget.json', () => {
  it('names both files with their SRI hashes and the sizes the proxy sends', async () => {
    const { get, manifest } = await proxyOverBuild();
    const res = await get('/survey_widget.json');
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=300');
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
    const script = (await manifest())['survey_widget.js']!;
    expect(script.integrity).toMatch(/^sha384-[A-Za-z0-9+/]{64}$/);
    expect(script.bytes).toBe(Buffer.byteLength(SCRIPT));
    expect(script.br).toBe((await bytesOf(await get('/survey_widget.js', { 'Accept-Encoding': 'br' }))).length);
    expect(script.gzip).toBe((await bytesOf(await get('/survey_widget.js', { 'Accept-Encoding': 'gzip' }))).length);
    expect(Object.keys(await manifest())).toEqual(['survey_widget.js', 'survey_widget.css']);
  });

  it('answers 404 telling to run the build while the stylesheet is not built', async () => {
    const { get, paths } = await proxyOverBuild();
    rmSync(paths.styles);
    expect((await get('/survey_widget.json')).status).toBe(404);
  });
});
