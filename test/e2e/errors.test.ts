import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { setUpE2E, type OpenedPage } from './harness';
import { INIT, PP, SCRIPT_TAG, en, hidden, hostPage, postPurchase, shown, widgetElement, widgetOn } from './pages';

const e2e = setUpE2E();

/** A loopback port nothing listens on: bound by the OS, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Waits for the widget's first error, then for the network to settle, and returns every error it logged. */
async function widgetErrors({ page, widgetLog }: OpenedPage): Promise<string[]> {
  await expect.poll(() => widgetLog('error').length, { timeout: 10_000 }).toBeGreaterThan(0);
  await page.waitForLoadState('networkidle', { timeout: 10_000 });
  return widgetLog('error');
}

/** The host page's own button still does its job. */
async function pageStillWorks({ page, pageErrors }: OpenedPage): Promise<void> {
  await page.getByRole('button', { name: 'Page button' }).click();
  await shown(page.getByRole('button', { name: 'Page button clicked' }));
  expect(pageErrors).toEqual([]);
}

describe('malformed data-survey-params', () => {
  it('logs one prefixed error naming the attribute, and the widget still opens and submits', async () => {
    const element = widgetElement({ org: 'acme', survey: 'post-purchase' }, '{name: oops');
    const opened = await e2e.open('malformed-params', hostPage(SCRIPT_TAG + element + INIT));
    const widget = widgetOn(opened.page);
    await widget.trigger.click();
    await shown(widget.dialog);
    expect(await widgetErrors(opened)).toEqual([expect.stringMatching(/^\[survey-widget\] .*data-survey-params/)]);
    expect(await widget.textbox(en.field_name).inputValue()).toBe('');

    await widget.rate(PP[1]!, 6);
    await widget.send.click();
    await shown(widget.thanks(postPurchase.thank_you.title));
    const [row] = e2e.proxy.rows(opened.url);
    expect(row?.answers.map((a) => a.answer)).toEqual([6]);
    expect(row?.customer).toEqual({});
    expect(opened.widgetLog('error')).toHaveLength(1);
    await opened.page.keyboard.press('Escape');
    await hidden(widget.dialog);
    await pageStillWorks(opened);
  });
});

describe('a widget that cannot work', () => {
  it('without an org logs one prefixed error naming "org", shows nothing, and leaves the page working', async () => {
    const element = widgetElement({ survey: 'post-purchase' });
    const opened = await e2e.open('missing-org', hostPage(SCRIPT_TAG + element + INIT));
    expect(await widgetErrors(opened)).toEqual([expect.stringMatching(/^\[survey-widget\] .*"org"/)]);
    expect(await opened.page.locator('customersure-survey-widget button').count()).toBe(0);
    await pageStillWorks(opened);
  });

  it('for an unknown survey logs one prefixed error naming it, shows nothing, and leaves the page working', async () => {
    const element = widgetElement({ org: 'acme', survey: 'no-such-survey' });
    const opened = await e2e.open('unknown-survey', hostPage(SCRIPT_TAG + element + INIT));
    expect(await widgetErrors(opened)).toEqual([expect.stringMatching(/^\[survey-widget\] .*no-such-survey/)]);
    expect(await opened.page.locator('customersure-survey-widget button').count()).toBe(0);
    await pageStillWorks(opened);
  });

  it('with an unreachable proxy logs one prefixed error naming it, shows nothing, and leaves the page working', async () => {
    const proxy = `http://127.0.0.1:${await closedPort()}`;
    const element = widgetElement({ org: 'acme', survey: 'post-purchase', proxy });
    const opened = await e2e.open('unreachable-proxy', hostPage(SCRIPT_TAG + element + INIT));
    const errors = await widgetErrors(opened);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^\[survey-widget\] /);
    expect(errors[0]).toContain(proxy);
    expect(await opened.page.locator('customersure-survey-widget button').count()).toBe(0);
    await pageStillWorks(opened);
  });
});
