/**
 * The JavaScript API and the merchant's own openers, in Chromium against the
 * real proxy: custom buttons, buttons added later, the host's own handlers,
 * two widgets on one page, calls queued by the inline stub before an async
 * script loads, and destroy().
 */
import { describe, expect, it } from 'vitest';
import { setUpE2E } from './harness';
import { CSAT, INIT, PP, SCRIPT_TAG, en, hidden, hostPage, postPurchase, shown, supportCsat, widgetElement, widgetOn } from './pages';

const e2e = setUpE2E();

/** The inline stub of the README, verbatim. */
const STUB = `<script>
  window.CustomerSureSurveyWidget = window.CustomerSureSurveyWidget || { q: [] };
  ['init', 'toggleWidget', 'open', 'close', 'trigger', 'on', 'destroy'].forEach(function (m) {
    CustomerSureSurveyWidget[m] = CustomerSureSurveyWidget[m] || function () { CustomerSureSurveyWidget.q.push([m, [].slice.call(arguments)]); };
  });
</script>`;

const PP_WIDGET = widgetElement({ org: 'acme', survey: 'post-purchase' }, { name: 'Mariner', reference: 'INV-2090' });
const CSAT_WIDGET = widgetElement({ org: 'acme', survey: 'support-csat' }, { name: 'Sam Lee', plan: 'Growth' });

describe('the merchant’s own openers', () => {
  it('open the survey every time, keep the page’s own click handler working, and track aria-expanded', async () => {
    const { page } = await e2e.open(
      'openers',
      hostPage(`<button id="mine" data-survey-toggle onclick="this.dataset.clicks = (+this.dataset.clicks || 0) + 1">Give feedback</button>${SCRIPT_TAG}${PP_WIDGET}${INIT}`),
    );
    const widget = widgetOn(page);
    const mine = page.locator('#mine');
    for (let i = 0; i < 3; i++) {
      await mine.click();
      await shown(widget.dialog);
      await expect.poll(() => mine.getAttribute('aria-expanded')).toBe('true');
      await page.keyboard.press('Escape');
      await hidden(widget.dialog);
      // The dialog's close event, which the widget hears, comes a task after it hides.
      await expect.poll(() => mine.getAttribute('aria-expanded')).toBe('false');
    }
    expect(await mine.getAttribute('data-clicks')).toBe('3');
    expect(await mine.getAttribute('aria-haspopup')).toBe('dialog');
    expect(await mine.getAttribute('aria-controls')).toBe(await widget.hosts.first().getAttribute('id'));
  });

  it('work when the page adds them after init', async () => {
    const { page } = await e2e.open('late-opener', hostPage(`${SCRIPT_TAG}${PP_WIDGET}${INIT}`));
    const widget = widgetOn(page);
    await shown(widget.trigger);
    await page.evaluate(() => document.querySelector('main')!.insertAdjacentHTML('beforeend', '<a href="#" id="late" data-survey-toggle="post-purchase">Rate us</a>'));
    await page.locator('#late').click();
    await shown(widget.dialog);
  });
});

describe('two widgets on one page', () => {
  it('open and send independently, each with its own params', async () => {
    const { page, url } = await e2e.open(
      'two-widgets',
      hostPage(`<button id="pp" data-survey-toggle="post-purchase">Order survey</button><button id="csat" data-survey-toggle="support-csat">Support survey</button>${SCRIPT_TAG}${PP_WIDGET}${CSAT_WIDGET}${INIT}`),
    );
    const pp = widgetOn(page, postPurchase);
    const csat = widgetOn(page, supportCsat);
    await page.locator('#pp').click();
    await pp.rate(PP[1]!, 10);
    await pp.send.click();
    await shown(pp.thanks(postPurchase.thank_you.title));
    await page.keyboard.press('Escape');

    await page.locator('#csat').click();
    await shown(csat.dialog);
    await csat.rate(CSAT[11]!, 5);
    await csat.group(CSAT[13]!).getByRole('radio').first().check();
    await csat.textbox(en.field_email).fill('sam@example.com');
    await csat.send.click();
    await shown(csat.dialog.getByRole('status'));

    const rows = e2e.proxy.rows(url);
    expect(rows.map((r) => [r.survey, r.customer.name, r.metadata.reference ?? r.segments.plan])).toEqual([
      ['post-purchase', 'Mariner', 'INV-2090'],
      ['support-csat', 'Sam Lee', 'Growth'],
    ]);
  });
});

describe('the inline stub', () => {
  it('queues calls made before the async script loads and replays them in order', async () => {
    const { page, pageErrors, widgetLog } = await e2e.open(
      'stub',
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Stub</title>${STUB}
<script>
  CustomerSureSurveyWidget.on('shown', function (e) { document.title = 'shown ' + e.survey; });
  CustomerSureSurveyWidget.init();
  CustomerSureSurveyWidget.open('support-csat');
</script>
<script async src="/survey_widget.js"></script></head>
<body><main><h1>Support</h1></main>${PP_WIDGET}${CSAT_WIDGET}</body></html>`,
    );
    await shown(widgetOn(page, supportCsat).dialog);
    await expect.poll(() => page.title()).toBe('shown support-csat');
    expect(pageErrors).toEqual([]);
    expect(widgetLog('error')).toEqual([]);
  });
});

describe('a scripted event fired before the async script and the survey have loaded', () => {
  it('still shows the survey whose display rules list it', async () => {
    const { page, pageErrors } = await e2e.open(
      'stub-trigger',
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Checkout</title>${STUB}
<script>CustomerSureSurveyWidget.trigger('checkout_complete', { total: 129.5 });</script>
<script async src="/survey_widget.js"></script></head>
<body><main><h1>Paid</h1></main>${PP_WIDGET}</body></html>`,
    );
    await shown(widgetOn(page).dialog);
    expect(pageErrors).toEqual([]);
  });
});

describe('destroy()', () => {
  it('leaves no widget node, opener behaviour or event behind', async () => {
    const { page, pageErrors } = await e2e.open(
      'destroy',
      hostPage(`<button id="mine" data-survey-toggle>Give feedback</button>${SCRIPT_TAG}${PP_WIDGET}${INIT}`),
    );
    const widget = widgetOn(page);
    await page.locator('#mine').click();
    await shown(widget.dialog);
    await page.evaluate(() => {
      window.CustomerSureSurveyWidget!.on('shown', () => (document.title = 'should not happen'));
      window.CustomerSureSurveyWidget!.destroy();
    });
    expect(await widget.hosts.count()).toBe(0);
    expect(await page.evaluate(() => document.querySelectorAll('customersure-survey-widget, dialog').length)).toBe(0);
    await page.locator('#mine').click();
    await page.waitForTimeout(200);
    expect(await widget.hosts.count()).toBe(0);
    expect(await page.title()).not.toBe('should not happen');
    expect(await page.locator('main h1').isVisible()).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
