import { describe, expect, it } from 'vitest';
import { setUpE2E } from './harness';
import { hostPage, INIT, shown, widgetElement, widgetOn } from './pages';

const e2e = setUpE2E();

interface ManifestEntry {
  file: string;
  integrity: string;
}

/** What a merchant reads to pin the current build. */
async function manifest(): Promise<Record<'survey_widget.js' | 'survey_widget.css', ManifestEntry>> {
  const res = await fetch(`${e2e.proxy.origin}/survey_widget.json`);
  expect(res.status).toBe(200);
  return (await res.json()) as Record<'survey_widget.js' | 'survey_widget.css', ManifestEntry>;
}

/** A shop page loading the widget from `src`, pinned by `integrity` as the manifest suggests. */
const pinnedPage = (src: string, integrity: string) =>
  hostPage(`<script src="${src}" integrity="${integrity}" crossorigin="anonymous"></script>${widgetElement({ org: 'acme', survey: 'post-purchase' })}${INIT}`);

describe('the widget under its content-addressed URL', () => {
  it('opens from a page that pins it with SRI, and Chromium received it as brotli', async () => {
    const { 'survey_widget.js': script } = await manifest();
    const page = await (await e2e.context()).newPage();
    // The widget's own complaints and uncaught errors; the browser's 404 for /favicon.ico is no concern here.
    const errors: string[] = [];
    page.on('console', (message) => void (message.text().startsWith('[survey-widget]') && errors.push(message.text())));
    page.on('pageerror', (error) => errors.push(error.message));
    const scriptResponse = page.waitForResponse((res) => new URL(res.url()).pathname === `/${script.file}`);
    const stylesResponse = page.waitForResponse((res) => new URL(res.url()).pathname === '/survey_widget.css');
    await page.goto(e2e.proxy.addPage('pinned', pinnedPage(`/${script.file}`, script.integrity)));

    const widget = widgetOn(page);
    await widget.trigger.click();
    await shown(widget.dialog);
    expect(errors).toEqual([]);
    const scriptHeaders = await (await scriptResponse).allHeaders();
    expect(scriptHeaders['content-encoding']).toBe('br');
    expect(scriptHeaders['cache-control']).toBe('public, max-age=31536000, immutable');
    // The stylesheet the widget fetches beside its script comes compressed too.
    expect(await (await stylesResponse).headerValue('content-encoding')).toBe('br');
  });

  it('is refused by Chromium when the integrity does not match, so the SRI value is what lets it run', async () => {
    const { 'survey_widget.js': script, 'survey_widget.css': styles } = await manifest();
    // A well-formed sha384 of other bytes: the stylesheet's.
    const { page } = await e2e.open('tampered', pinnedPage(`/${script.file}`, styles.integrity));
    expect(await page.evaluate(() => typeof window.CustomerSureSurveyWidget)).toBe('undefined');
  });
});
