import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_CSP } from '../../src/proxy/security-headers';
import { apiHarness } from './api/api-fixtures';
import { postResponse, tempDir, testApp, validPayload } from './fixtures';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The headers every reply carries, whatever it is. */
function expectEveryReplyHeaders(res: Response): void {
  expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
  expect(res.headers.get('Referrer-Policy')).not.toBeNull();
  expect(res.headers.get('Content-Security-Policy')).not.toBeNull();
}

describe('security headers on data', () => {
  it('a JSON reply is nosniff, no-referrer, runs nothing and is framed by no one; it stays readable cross-origin', async () => {
    const { app } = await testApp();
    const res = await app.request('/v1/surveys/acme/post-purchase', { headers: { Origin: 'https://shop.example' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(res.headers.get('Referrer-Policy')).toBe('no-referrer');
    expect(res.headers.get('Content-Security-Policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('https://shop.example');
    expect(res.headers.get('Cross-Origin-Resource-Policy')).toBeNull();
  });

  it.each([
    ['a 404', (app: Awaited<ReturnType<typeof testApp>>['app']) => app.request('/no-such-page'), 404],
    ['a 405', (app: Awaited<ReturnType<typeof testApp>>['app']) => app.request('/v1/responses'), 405],
    ['a 422', (app: Awaited<ReturnType<typeof testApp>>['app']) => postResponse(app, validPayload({ locale: 'xx' })), 422],
    ['a 400', (app: Awaited<ReturnType<typeof testApp>>['app']) => postResponse(app, '{'), 400],
  ])('an error reply (%s) carries them too', async (_what, send, status) => {
    const { app } = await testApp();
    const res = await send(app);
    expect(res.status).toBe(status);
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(res.headers.get('Referrer-Policy')).toBe('no-referrer');
    expect(res.headers.get('Content-Security-Policy')).toBe(DATA_CSP);
  });

  it('a widget file stays loadable by any page, COEP ones included', async () => {
    const { app } = await testApp({ readWidgetStyles: () => ':host{color:black}' });
    for (const path of ['/survey_widget.js', '/survey_widget.css']) {
      const res = await app.request(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('Cross-Origin-Resource-Policy')).toBe('cross-origin');
      expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
      expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    }
  });
});

describe('security headers on the proxy’s pages', () => {
  it('the dashboard page keeps its own strict policy, unframeable, and its same-origin Referrer-Policy', async () => {
    const dashboardDir = tempDir();
    writeFileSync(join(dashboardDir, 'index.html'), '<!doctype html><title>Results</title><script type="module" src="/dashboard/assets/app.js"></script>');
    const { app } = await testApp({ dashboardDir });
    const res = await app.request('/dashboard/');
    expect(res.status).toBe(200);
    const csp = res.headers.get('Content-Security-Policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('Referrer-Policy')).toBe('same-origin');
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });

  it('the hosted survey page keeps its own strict policy, unframeable, sending no Referer', async () => {
    const api = await apiHarness();
    const created = await api.send('POST', '/feedback_requests', { email: 'ann@example.com', send_at: api.clock.now.toISOString(), survey_id: 1484, external_link: true });
    expect(created.status).toBe(201);
    const res = await api.app.request(new URL(((await created.json()) as { link: string }).link).pathname);
    expect(res.status).toBe(200);
    const csp = res.headers.get('Content-Security-Policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('Referrer-Policy')).toBe('no-referrer');
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });
});

describe('security headers on the demo pages', () => {
  const INIT = 'CustomerSureSurveyWidget.init();';
  const STYLE = 'body{margin:0}';
  const ONCLICK = "this.textContent = 'Clicked & done'";
  const TALL = 'height: 3000px';
  const page = `<!doctype html><html><head><style>${STYLE}</style></head><body>
<div style="${TALL}">Long page</div>
<button onclick="${ONCLICK.replace('&', '&amp;')}">Page button</button>
<script src="/survey_widget.js"></script>
<div data-customersure-survey-widget data-widget-params='{"org": "acme", "survey": "post-purchase", "note": "a > b"}'></div>
<script>${INIT}</script>
</body></html>`;

  async function demoPage() {
    const demoDir = tempDir();
    mkdirSync(join(demoDir, 'js'));
    writeFileSync(join(demoDir, 'index.html'), page);
    writeFileSync(join(demoDir, 'js', 'app.js'), INIT);
    const { app } = await testApp({ demoDir });
    return app;
  }

  it('allow only this proxy’s scripts and the page’s own inline code, by hash; framed only by the proxy’s pages', async () => {
    const res = await (await demoPage()).request('/');
    expect(res.status).toBe(200);
    const csp = res.headers.get('Content-Security-Policy') ?? '';
    const directive = (name: string) => csp.split('; ').find((d) => d.startsWith(`${name} `));
    // The onclick's hash is of its value as the parser leaves it: &amp; decoded.
    expect(directive('script-src')).toBe(`script-src 'self' 'unsafe-hashes' ${sha256(INIT)} ${sha256(ONCLICK)}`);
    expect(directive('style-src')).toBe(`style-src 'self' 'unsafe-hashes' ${sha256(STYLE)} ${sha256(TALL)}`);
    expect(directive('frame-ancestors')).toBe("frame-ancestors 'self'");
    expect(directive('object-src')).toBe("object-src 'none'");
    expect(directive('base-uri')).toBe("base-uri 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('Referrer-Policy')).toBe('no-referrer');
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });

  it('a demo script is data, like any other file', async () => {
    const res = await (await demoPage()).request('/js/app.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Security-Policy')).toBe(DATA_CSP);
    expectEveryReplyHeaders(res);
  });
});

describe('Strict-Transport-Security', () => {
  it.each([
    ['the request URL is https', 'https://feedback.example/v1/surveys/acme/post-purchase', {}, {}],
    ['a TLS-terminating proxy says X-Forwarded-Proto: https', 'http://10.0.0.5/v1/surveys/acme/post-purchase', { 'X-Forwarded-Proto': 'https' }, {}],
    ['PUBLIC_URL is https', 'http://10.0.0.5/v1/surveys/acme/post-purchase', {}, { publicUrl: 'https://feedback.example' }],
  ])('is sent for a year when %s', async (_when, url, headers, deps) => {
    const { app } = await testApp(deps);
    const res = await app.request(url, { headers });
    expect(res.headers.get('Strict-Transport-Security')).toBe('max-age=31536000');
  });

  it('is never sent over plain http', async () => {
    const { app } = await testApp({ publicUrl: 'http://127.0.0.1:8787' });
    for (const path of ['/v1/surveys/acme/post-purchase', '/no-such-page']) {
      const res = await app.request(`http://127.0.0.1:8787${path}`, { headers: { 'X-Forwarded-Proto': 'http' } });
      expect(res.headers.get('Strict-Transport-Security')).toBeNull();
    }
  });
});
