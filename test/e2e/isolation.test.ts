/**
 * The widget on hostile and strict pages, in Chromium against the real proxy:
 * a page stylesheet that tries to restyle everything, a page with a strict
 * Content-Security-Policy and Trusted Types, and the page's own styles
 * before and after the widget. Screenshots go to screenshots/ for a person to look at.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { REPO, setUpE2E, WIDGET_SCRIPT } from './harness';
import { PP, postPurchase, SEED_SNIPPET, shown, widgetElement, widgetOn } from './pages';

const e2e = setUpE2E();

const HOSTILE_CSS = `* { all: unset !important; }
div { display: none !important; }
html { font-size: 40px !important; line-height: 3 !important; letter-spacing: 4px !important; text-transform: uppercase !important; }
button, input, dialog, svg { border: 5px dotted red !important; background: yellow !important; }`;

/** The computed styles and boxes a visitor would notice, read through the open shadow root. */
function widgetLook(page: Page) {
  return page.locator('customersure-survey-widget').first().evaluate((host) => {
    const root = host.shadowRoot!;
    const pick = (selector: string, props: string[]): Record<string, string | number> => {
      const el = root.querySelector(selector)!;
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      return { ...Object.fromEntries(props.map((p) => [p, style.getPropertyValue(p)])), width: Math.round(box.width), height: Math.round(box.height) };
    };
    return {
      frame: pick('.frame', ['background-color', 'border-top-left-radius', 'font-size', 'letter-spacing', 'text-transform']),
      title: pick('.title', ['font-size', 'font-weight', 'color', 'line-height']),
      option: pick('.scale .option', ['border-top-width', 'background-color']),
      send: pick('.primary', ['background-color', 'color', 'font-size']),
      input: pick('textarea', ['border-top-style', 'background-color', 'font-size']),
    };
  });
}

async function openSeedSurvey(page: Page) {
  const widget = widgetOn(page);
  await widget.trigger.click();
  await shown(widget.dialog);
  return widget;
}

describe('style isolation', () => {
  it('looks the same on a page whose stylesheet tries to restyle everything', async () => {
    e2e.proxy.addFile('hostile.css', HOSTILE_CSS);
    const clean = await e2e.open('iso-clean', `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Clean</title></head><body><h1>Shop</h1>${SEED_SNIPPET}</body></html>`);
    const hostile = await e2e.open('iso-hostile', `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Hostile</title><link rel="stylesheet" href="/hostile.css"></head><body><h1>Shop</h1>${SEED_SNIPPET}</body></html>`);
    await openSeedSurvey(clean.page);
    await openSeedSurvey(hostile.page);
    const [a, b] = [await widgetLook(clean.page), await widgetLook(hostile.page)];
    expect(b).toEqual(a);
    expect(a.frame['letter-spacing']).toBe('normal');
    expect(a.title['font-size']).toBe('19px');
    mkdirSync(join(REPO, 'screenshots'), { recursive: true });
    await hostile.page.screenshot({ path: join(REPO, 'screenshots', '8-desktop-hostile-page.png') });
  });

  it('changes no style of the page’s own elements', async () => {
    const { page } = await e2e.open('iso-page', `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Page</title>
<style>body { font: 15px Georgia, serif; } .card { padding: 12px; border: 1px solid #ccc; } button { border-radius: 3px; }</style></head>
<body><h1>Shop</h1><p class="card">Card</p><button id="b">Buy</button><input placeholder="Search"><dialog id="d" open>Page dialog</dialog><div class="root option frame">Page div with the widget's class names</div></body></html>`);
    const pageLook = () => page.evaluate(() => [...document.querySelectorAll('html, body, h1, p, button, input, dialog, div:not([data-customersure-survey-widget])')].map((el) => {
      const s = getComputedStyle(el);
      return [el.tagName, s.font, s.color, s.backgroundColor, s.padding, s.border, s.display, s.position, s.zIndex, s.direction].join('|');
    }));
    const before = await pageLook();
    await page.addScriptTag({ url: '/survey_widget.js' });
    await page.evaluate((html) => {
      document.body.insertAdjacentHTML('beforeend', html);
      window.CustomerSureSurveyWidget!.init();
      window.CustomerSureSurveyWidget!.open();
    }, widgetElement({ org: 'acme', survey: 'post-purchase' }));
    await shown(widgetOn(page).dialog);
    const after = await pageLook();
    // Including the page's own <dialog> and a div that borrows the widget's class names.
    expect(after).toEqual(before);
  });
});

describe('theming', () => {
  it('follows the visitor’s dark preference with "theme": "auto", and takes the page’s custom properties', async () => {
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Themed</title>
<style>customersure-survey-widget { --sw-brand: #0f766e; --sw-dark-bg: #0b1320; --sw-z: 777; }</style></head>
<body>${widgetElement({ org: 'acme', survey: 'post-purchase', theme: 'auto' })}<script src="/survey_widget.js"></script><script>CustomerSureSurveyWidget.init();</script></body></html>`;
    const look = async (colorScheme: 'light' | 'dark') => {
      const { page } = await e2e.open(`theme-${colorScheme}`, html, { colorScheme });
      const widget = await openSeedSurvey(page);
      return {
        frame: await widget.dialog.locator('.frame').evaluate((el) => getComputedStyle(el).backgroundColor),
        trigger: await widget.trigger.evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).zIndex]),
      };
    };
    expect(await look('light')).toEqual({ frame: 'rgb(255, 255, 255)', trigger: ['rgb(15, 118, 110)', '777'] });
    expect(await look('dark')).toEqual({ frame: 'rgb(11, 19, 32)', trigger: ['rgb(129, 140, 248)', '777'] });
  });
});

describe('strict Content-Security-Policy and Trusted Types', () => {
  const CSP = "default-src 'self'; style-src 'self'; require-trusted-types-for 'script'";
  const strictPage = (extra = '') => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Strict</title></head>
<body><h1>Strict shop</h1>${widgetElement({ org: 'acme', survey: 'post-purchase' }, { name: 'Mariner' })}${extra}
<script src="/survey_widget.js"></script><script src="/strict-init.js"></script></body></html>`;
  const countViolations = (page: Page) => page.evaluate(() => (window as unknown as { violations: string[] }).violations);
  /** A context serving strict-init.js whose pages record every securitypolicyviolation in window.violations. */
  const strictContext = async () => {
    e2e.proxy.addFile('strict-init.js', 'CustomerSureSurveyWidget.init();');
    const context = await e2e.context();
    await context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { violations: string[] }).violations = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    return context;
  };

  it('works and raises no securitypolicyviolation, from load to thank-you', async () => {
    const context = await strictContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const url = e2e.proxy.addPage('strict', strictPage(), { 'Content-Security-Policy': CSP });
    await page.goto(url);
    const widget = await openSeedSurvey(page);
    await widget.rate(PP[1]!, 7);
    await widget.send.click();
    await shown(widget.thanks(postPurchase.thank_you.title));
    expect(await countViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    expect(e2e.proxy.rows(url)).toHaveLength(1);
    // Styled, not bare: the trigger still wears the brand colour from the adopted stylesheet.
    expect(await widget.trigger.evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(79, 70, 229)');
  });

  it('styles itself with a nonce’d <style> where constructable stylesheets are missing', async () => {
    const context = await strictContext();
    await context.addInitScript(() => {
      // An engine without constructable stylesheets.
      (window as unknown as { CSSStyleSheet: unknown }).CSSStyleSheet = function () {
        throw new TypeError('Illegal constructor');
      };
    });
    const page = await context.newPage();
    const html = strictPage().replace(`data-widget-params="{&quot;org&quot;:&quot;acme&quot;,&quot;survey&quot;:&quot;post-purchase&quot;}"`, `data-widget-params="{&quot;org&quot;:&quot;acme&quot;,&quot;survey&quot;:&quot;post-purchase&quot;,&quot;nonce&quot;:&quot;r4nd0m&quot;}"`);
    expect(html).toContain('r4nd0m');
    await page.goto(e2e.proxy.addPage('strict-nonce', html, { 'Content-Security-Policy': `default-src 'self'; style-src 'self' 'nonce-r4nd0m'` }));
    const widget = widgetOn(page);
    await shown(widget.trigger);
    expect(await widget.trigger.evaluate((b) => getComputedStyle(b).backgroundColor)).toBe('rgb(79, 70, 229)');
    expect(await page.locator('customersure-survey-widget').evaluate((h) => h.shadowRoot!.querySelector('style')?.nonce)).toBe('r4nd0m');
    expect(await countViolations(page)).toEqual([]);
  });

  it('ships a script with no innerHTML, eval or new Function', () => {
    const script = readFileSync(WIDGET_SCRIPT, 'utf8');
    expect(script).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/);
  });
});
